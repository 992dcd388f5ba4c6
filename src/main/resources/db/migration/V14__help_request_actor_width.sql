-- An outside system acts as 'api-key:<name>', and a key's name may be 100 characters
-- (api_key.name): 108 in all, which did not fit the 100 of who sent or changed a case.
alter table help_request alter column submitted_by set data type varchar(120);
alter table help_request_event alter column actor set data type varchar(120);
