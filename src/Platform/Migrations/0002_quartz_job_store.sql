-- Quartz.NET 4.7 clustered job store, in its own schema. The store is configured with the table
-- prefix "quartz.qrtz_" (see Jobs/JobsServiceCollectionExtensions.cs) and validates at start-up
-- that every table and column below exists, so this must track the Quartz version in
-- Directory.Packages.props: a Quartz upgrade that adds columns needs a new numbered migration here.
-- Includes the optional execution-history tables (UseExecutionHistory()).
CREATE SCHEMA quartz;

CREATE TABLE quartz.qrtz_job_details (
    sched_name         text NOT NULL,
    job_name           text NOT NULL,
    job_group          text NOT NULL,
    description        text NULL,
    job_class_name     text NOT NULL,
    is_durable         boolean NOT NULL,
    is_nonconcurrent   boolean NOT NULL,
    is_update_data     boolean NOT NULL,
    requests_recovery  boolean NOT NULL,
    job_data           bytea NULL,
    PRIMARY KEY (sched_name, job_name, job_group)
);

CREATE TABLE quartz.qrtz_triggers (
    sched_name              text NOT NULL,
    trigger_name            text NOT NULL,
    trigger_group           text NOT NULL,
    job_name                text NOT NULL,
    job_group               text NOT NULL,
    description             text NULL,
    next_fire_time          bigint NULL,
    prev_fire_time          bigint NULL,
    priority                integer NULL,
    trigger_state           text NOT NULL,
    trigger_type            text NOT NULL,
    start_time              bigint NOT NULL,
    end_time                bigint NULL,
    calendar_name           text NULL,
    misfire_instr           smallint NULL,
    misfire_orig_fire_time  bigint NULL,
    execution_group         varchar(200) NULL,
    preferred_node          varchar(200) NULL,
    preferred_node_auto     boolean NOT NULL DEFAULT false,
    retry_policy            varchar(250) NULL,
    retry_attempt           integer NULL,
    continues_trigger_name  text NULL,
    continues_trigger_group text NULL,
    continuation_condition  integer NULL,
    overlap_policy          integer NULL,
    pause_reason            varchar(250) NULL,
    paused_by               varchar(200) NULL,
    paused_at               bigint NULL,
    misfire_threshold       bigint NULL,
    fixed_delay             boolean NULL,
    job_data                bytea NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, job_name, job_group) REFERENCES quartz.qrtz_job_details (sched_name, job_name, job_group)
);

CREATE TABLE quartz.qrtz_simple_triggers (
    sched_name       text NOT NULL,
    trigger_name     text NOT NULL,
    trigger_group    text NOT NULL,
    repeat_count     bigint NOT NULL,
    repeat_interval  bigint NOT NULL,
    times_triggered  bigint NOT NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES quartz.qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE quartz.qrtz_cron_triggers (
    sched_name       text NOT NULL,
    trigger_name     text NOT NULL,
    trigger_group    text NOT NULL,
    cron_expression  text NOT NULL,
    time_zone_id     text,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES quartz.qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE quartz.qrtz_simprop_triggers (
    sched_name     text NOT NULL,
    trigger_name   text NOT NULL,
    trigger_group  text NOT NULL,
    str_prop_1     text NULL,
    str_prop_2     text NULL,
    str_prop_3     text NULL,
    int_prop_1     integer NULL,
    int_prop_2     integer NULL,
    long_prop_1    bigint NULL,
    long_prop_2    bigint NULL,
    dec_prop_1     numeric NULL,
    dec_prop_2     numeric NULL,
    bool_prop_1    boolean NULL,
    bool_prop_2    boolean NULL,
    time_zone_id   text NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES quartz.qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE quartz.qrtz_blob_triggers (
    sched_name     text NOT NULL,
    trigger_name   text NOT NULL,
    trigger_group  text NOT NULL,
    blob_data      bytea NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES quartz.qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE quartz.qrtz_calendars (
    sched_name     text NOT NULL,
    calendar_name  text NOT NULL,
    calendar       bytea NOT NULL,
    PRIMARY KEY (sched_name, calendar_name)
);

CREATE TABLE quartz.qrtz_paused_trigger_grps (
    sched_name     text NOT NULL,
    trigger_group  text NOT NULL,
    pause_reason   varchar(250) NULL,
    paused_by      varchar(200) NULL,
    paused_at      bigint NULL,
    PRIMARY KEY (sched_name, trigger_group)
);

CREATE TABLE quartz.qrtz_paused_job_grps (
    sched_name    text NOT NULL,
    job_group     text NOT NULL,
    pause_reason  varchar(250) NULL,
    paused_by     varchar(200) NULL,
    paused_at     bigint NULL,
    PRIMARY KEY (sched_name, job_group)
);

CREATE TABLE quartz.qrtz_fired_triggers (
    sched_name                text NOT NULL,
    entry_id                  text NOT NULL,
    trigger_name              text NOT NULL,
    trigger_group             text NOT NULL,
    instance_name             text NOT NULL,
    fired_time                bigint NOT NULL,
    sched_time                bigint NOT NULL,
    priority                  integer NOT NULL,
    state                     text NOT NULL,
    job_name                  text NULL,
    job_group                 text NULL,
    is_nonconcurrent          boolean NOT NULL,
    requests_recovery         boolean NULL,
    execution_group           varchar(200) NULL,
    progress                  integer NULL,
    progress_message          varchar(250) NULL,
    interrupt_requested_time  bigint NULL,
    PRIMARY KEY (sched_name, entry_id)
);

CREATE TABLE quartz.qrtz_scheduler_state (
    sched_name         text NOT NULL,
    instance_name      text NOT NULL,
    last_checkin_time  bigint NOT NULL,
    checkin_interval   bigint NOT NULL,
    quartz_version     varchar(20) NULL,
    PRIMARY KEY (sched_name, instance_name)
);

CREATE TABLE quartz.qrtz_locks (
    sched_name  text NOT NULL,
    lock_name   text NOT NULL,
    PRIMARY KEY (sched_name, lock_name)
);

-- Execution history: one row per run, per misfire, and a running status per job.
CREATE TABLE quartz.qrtz_execution_history (
    sched_name           text NOT NULL,
    entry_id             text NOT NULL,
    instance_name        text NOT NULL,
    job_name             text NOT NULL,
    job_group            text NOT NULL,
    trigger_name         text NOT NULL,
    trigger_group        text NOT NULL,
    fired_time           bigint NOT NULL,
    run_time             bigint NOT NULL,
    succeeded            boolean NOT NULL,
    error_message        text NULL,
    retry_attempt        integer NOT NULL DEFAULT 0,
    retry_scheduled      boolean NOT NULL DEFAULT false,
    execution_log        text NULL,
    result               integer NULL,
    summary              text NULL,
    metrics              text NULL,
    manual               boolean NULL,
    fire_instance_id     text NULL,
    job_input            text NULL,
    job_input_too_large  boolean NULL,
    PRIMARY KEY (sched_name, entry_id)
);

CREATE TABLE quartz.qrtz_misfire_history (
    sched_name     text NOT NULL,
    entry_id       text NOT NULL,
    instance_name  text NOT NULL,
    trigger_name   text NOT NULL,
    trigger_group  text NOT NULL,
    job_name       text NULL,
    job_group      text NULL,
    misfire_time   bigint NOT NULL,
    sched_time     bigint NULL,
    reason         integer NULL,
    PRIMARY KEY (sched_name, entry_id)
);

CREATE TABLE quartz.qrtz_job_status (
    sched_name            text NOT NULL,
    job_group             text NOT NULL,
    job_name              text NOT NULL,
    first_fired_time      bigint NOT NULL,
    last_fired_time       bigint NOT NULL,
    last_result           integer NOT NULL,
    last_run_time         bigint NOT NULL,
    last_instance_name    text NOT NULL,
    last_entry_id         text NULL,
    last_summary          text NULL,
    last_success_time     bigint NULL,
    last_failure_time     bigint NULL,
    last_failure_message  text NULL,
    consecutive_failures  integer NOT NULL DEFAULT 0,
    run_count             bigint NOT NULL DEFAULT 0,
    failure_count         bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (sched_name, job_group, job_name)
);

-- The indexes Quartz's own queries rely on (trigger acquisition, recovery, history pages).
CREATE INDEX idx_qrtz_j_g_n ON quartz.qrtz_job_details (sched_name, job_group, job_name);
CREATE INDEX idx_qrtz_t_j ON quartz.qrtz_triggers (sched_name, job_name, job_group);
CREATE INDEX idx_qrtz_t_g_n ON quartz.qrtz_triggers (sched_name, trigger_group, trigger_name);
CREATE INDEX idx_qrtz_t_c ON quartz.qrtz_triggers (sched_name, calendar_name);
CREATE INDEX idx_qrtz_t_nft_st ON quartz.qrtz_triggers (sched_name, trigger_state, next_fire_time ASC, priority DESC, misfire_instr);
CREATE INDEX idx_qrtz_ft_inst_job_req_rcvry ON quartz.qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
CREATE INDEX idx_qrtz_ft_j_g ON quartz.qrtz_fired_triggers (sched_name, job_name, job_group);
CREATE INDEX idx_qrtz_ft_t_g ON quartz.qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
CREATE INDEX idx_qrtz_eh_fired_time ON quartz.qrtz_execution_history (sched_name, fired_time);
CREATE INDEX idx_qrtz_eh_inst ON quartz.qrtz_execution_history (sched_name, instance_name);
CREATE INDEX idx_qrtz_eh_job_time ON quartz.qrtz_execution_history (sched_name, job_group, job_name, fired_time);
CREATE INDEX idx_qrtz_eh_fire_inst ON quartz.qrtz_execution_history (sched_name, fire_instance_id);
CREATE INDEX idx_qrtz_eh_trig_time ON quartz.qrtz_execution_history (sched_name, trigger_group, trigger_name, fired_time);
CREATE INDEX idx_qrtz_mh_misfire_time ON quartz.qrtz_misfire_history (sched_name, misfire_time);
CREATE INDEX idx_qrtz_mh_inst ON quartz.qrtz_misfire_history (sched_name, instance_name);
