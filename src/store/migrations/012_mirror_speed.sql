-- A mirror's entry bundles are put together from mirror_entries when read (store/mirrors.ts,
-- getMirrorTile): keeping them in mirror_tiles stored every entry twice. Hash tiles stay.
delete from mirror_tiles where path like 'tile/entries/%';
