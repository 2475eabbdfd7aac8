-- What tells the file an import read from every other file with the same name, size and
-- modification time (0007): its device and inode numbers and its status-change time (ctime,
-- nanoseconds since 1970), as `stat` gives them. Two folders holding same-named files of one
-- length written in one clock tick differ in inode; a file rewritten in place and its
-- modification time set back (`touch -d`) has a new ctime, which no user call can set back.
-- Importing again skips a file unread only when its name, size, modification time, device,
-- inode and ctime are all those logged for its edition's last import; a NULL in any of them
-- (imports made before this column, files changed within two seconds of being read, imports
-- that read no file of their own) means the file is read and compared by checksum.
--
-- The full path is not kept: device and inode already name the file wherever it is reached
-- from, and the archive is shared and published (`barkley datasette` copies this table), where
-- a path would show the importer's folders and user name.
ALTER TABLE import_log ADD COLUMN file_device INTEGER;
ALTER TABLE import_log ADD COLUMN file_inode INTEGER;
ALTER TABLE import_log ADD COLUMN file_changed INTEGER;
