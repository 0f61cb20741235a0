-- One integration per channel type. Secrets are sealed by the credential vault (AES-256-GCM,
-- bound to this table, the row id and the column); only a short hint of the API key is plain.
create table integrations (
    id                    uuid                     not null primary key,
    type                  varchar(20)              not null,
    status                varchar(20)              not null,
    status_message        varchar(1000),
    mode                  varchar(10)              not null,
    api_key               varchar(8000),
    api_key_hint          varchar(8),
    api_secret            varchar(8000),
    webhook_secret        varchar(8000),
    webhook_url           varchar(2048),
    active                boolean                  not null,
    sync_interval_minutes int                      not null,
    last_sync_at          timestamp with time zone,
    last_sync_status      varchar(20),
    last_sync_error       varchar(2000),
    last_tested_at        timestamp with time zone,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               bigint                   not null,
    constraint integrations_type_uk unique (type),
    constraint integrations_status_ck check (status in ('not_configured', 'configured', 'connected', 'error')),
    constraint integrations_interval_ck check (sync_interval_minutes between 1 and 1440)
);

-- Channel listings mapped to properties. import_url is sealed like the secrets above;
-- export_token is the capability in the public export feed URL.
create table listing_mappings (
    id                  uuid                     not null primary key,
    integration_id      uuid                     not null references integrations (id),
    external_listing_id varchar(255)             not null,
    property_id         uuid                     not null references properties (id),
    import_url          varchar(8000),
    import_url_host     varchar(255),
    export_token        varchar(64)              not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint                   not null,
    constraint listing_mappings_listing_uk unique (integration_id, external_listing_id),
    constraint listing_mappings_export_token_uk unique (export_token)
);
create index listing_mappings_property_idx on listing_mappings (property_id);
