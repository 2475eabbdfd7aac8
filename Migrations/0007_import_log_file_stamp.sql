-- The size and modification time of the file each import read (bytes; nanoseconds since
-- 1970), recorded only when the file had not been modified for two seconds before it was read
-- (a later change within the file system's timestamp granularity could otherwise keep both).
-- Importing a folder again skips a file whose name, size and modification time are those its
-- edition was last imported from, without opening it; any other file is still compared by
-- checksum. NULL for imports that read no file of their own (spreadsheets, editions built in
-- code) and for imports made before this column.
ALTER TABLE import_log ADD COLUMN file_size INTEGER;
ALTER TABLE import_log ADD COLUMN file_modified INTEGER;
