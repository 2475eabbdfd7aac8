public enum BuiltInPlaceholder { static var n: Int { EmbeddedEditionFiles.files.count } }
