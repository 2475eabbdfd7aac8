public enum ArchivePlaceholder { public static var n: Int { EmbeddedMigrations.files.count } }
