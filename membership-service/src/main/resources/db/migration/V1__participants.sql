-- Personal data that must not travel in events (ARCHITECTURE.md, Privacy): the full NIK, name, birth date
-- and family card number live here only, written with the registration in the same transaction.
-- Not a projection: it is not rebuilt from events.
CREATE TABLE participant_identity (
    participant_id     uuid PRIMARY KEY,
    nik                char(16) NOT NULL UNIQUE,
    name               text     NOT NULL,
    birth_date         date     NOT NULL,
    family_card_number char(16) NOT NULL
);

-- Read model of participants, projected from the event store (rebuildable).
CREATE TABLE participant_view (
    participant_id    uuid        PRIMARY KEY,
    card_number       char(13)    NOT NULL UNIQUE,
    nik_hash          text        NOT NULL UNIQUE,
    nik_last4         char(4)     NOT NULL,
    family_card_hash  text        NOT NULL,
    sex               text        NOT NULL,
    segment           text        NOT NULL,
    care_class        text,
    registration_date date        NOT NULL,
    status            text        NOT NULL,
    version           bigint      NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX participant_view_family ON participant_view (family_card_hash);

-- JKN card numbers: 13 digits, drawn once and then carried in the event.
CREATE SEQUENCE card_number_seq START WITH 2000000001;
