-- The chronicle's transparency log (C2SP tlog-tiles over an RFC 6962 Merkle tree).
-- Append-only: rows are inserted in the transaction of the change they record, never updated.

-- Every entry in order; idx is gapless because appends serialize on the log_tree row.
create table log_entries (
  idx bigint primary key,
  data bytea not null,
  leaf_hash bytea not null,
  created_at timestamptz not null default now()
);

-- Hashes of the complete subtrees of 256^level leaves (level >= 1): what tiles above level 0
-- hold. Level 0 tiles are the leaf hashes in log_entries.
create table log_tile_hashes (
  level int not null check (level >= 1),
  idx bigint not null,
  hash bytea not null,
  primary key (level, idx)
);

-- The tree after the last append: its size, its compact range (the hashes of its maximal
-- complete subtrees, largest first, 32 bytes each) and its root. One row; appends lock it.
create table log_tree (
  id int primary key check (id = 1),
  size bigint not null,
  compact_range bytea not null,
  root bytea not null
);
insert into log_tree (id, size, compact_range, root)
values (1, 0, ''::bytea, '\xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'::bytea);

-- Every signed checkpoint, one per tree size: the log's history as witnessed by its key.
create table log_checkpoints (
  size bigint primary key,
  root bytea not null,
  note text not null,
  created_at timestamptz not null default now()
);
