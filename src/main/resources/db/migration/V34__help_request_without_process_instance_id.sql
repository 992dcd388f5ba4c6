-- Never written: a case's process is found by its business key (the case id), as every other
-- flow's is, and the supervisors' board reads the instance id from Camunda's history.
alter table help_request drop column process_instance_id;
