-- Editors' age recipients, and reporters' private fields encrypted to them in the browser.

-- One age X25519 recipient per editor: the report page encrypts contact details to every current
-- recipient, so each editor can open them with their own identity, which never reaches the server.
create table editor_recipients (
  user_id int primary key references users(id) on delete cascade,
  recipient text not null check (recipient ~ '^age1[02-9ac-hj-np-z]{58}$'),
  created_at timestamptz not null default now()
);

-- An ASCII-armored age file the server cannot open (contact, and when/where marked private).
alter table reports add column contact_age text;
