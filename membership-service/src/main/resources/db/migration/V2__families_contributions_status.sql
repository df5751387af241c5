-- Families, segment details and status in the participant read model (all taken from the events).
ALTER TABLE participant_view
    ADD COLUMN relation        text,
    ADD COLUMN account_id      text,
    ADD COLUMN employer_id     text,
    ADD COLUMN facility_code   text,
    ADD COLUMN status_reason   text,
    ADD COLUMN status_since    date,
    ADD COLUMN deactivated_on  date,
    ADD COLUMN status_before_deactivation text;
CREATE INDEX participant_view_account ON participant_view (account_id, participant_id);

-- A PPU worker's wage is personal data: kept with the identity, not in events.
ALTER TABLE participant_identity ADD COLUMN monthly_wage bigint;

-- The tariff table as data (DOMAIN.md): a rate change is a new row with a later effective_from.
-- FIXED: amount per person minus the government's subsidy; WAGE_PERCENT: basis points of the wage, floored
-- at the regional minimum wage and capped; up to included_members per family, each extra member extra_member_bp.
CREATE TABLE tariff (
    segment          text    NOT NULL,
    care_class       text    NOT NULL DEFAULT '-',
    kind             text    NOT NULL CHECK (kind IN ('FIXED', 'WAGE_PERCENT')),
    amount           bigint,
    subsidy          bigint  NOT NULL DEFAULT 0,
    rate_bp          int,
    wage_floor       bigint,
    wage_cap         bigint,
    included_members int,
    extra_member_bp  int,
    effective_from   date    NOT NULL,
    PRIMARY KEY (segment, care_class, effective_from)
);
-- Perpres 64/2020 rates, in force since January 2021. Wage floor: the branch region's minimum wage (UMK
-- Sidoarjo, a configurable simplification: change it with a new row).
INSERT INTO tariff (segment, care_class, kind, amount, subsidy, effective_from) VALUES
    ('PBI_APBN', 'III', 'FIXED', 42000, 0, DATE '2021-01-01'),
    ('PBI_APBD', 'III', 'FIXED', 42000, 0, DATE '2021-01-01'),
    ('PBPU', 'I',   'FIXED', 150000, 0,    DATE '2021-01-01'),
    ('PBPU', 'II',  'FIXED', 100000, 0,    DATE '2021-01-01'),
    ('PBPU', 'III', 'FIXED', 42000,  7000, DATE '2021-01-01'),
    ('BP',   'I',   'FIXED', 150000, 0,    DATE '2021-01-01'),
    ('BP',   'II',  'FIXED', 100000, 0,    DATE '2021-01-01'),
    ('BP',   'III', 'FIXED', 42000,  7000, DATE '2021-01-01');
INSERT INTO tariff (segment, care_class, kind, rate_bp, wage_floor, wage_cap, included_members, extra_member_bp, effective_from) VALUES
    ('PPU_PN', '-', 'WAGE_PERCENT', 500, 4950000, 12000000, 5, 100, DATE '2021-01-01'),
    ('PPU_BU', '-', 'WAGE_PERCENT', 500, 4950000, 12000000, 5, 100, DATE '2021-01-01');

-- Bills per account and month, one line per participant (projected from bill-<account>-<month> streams).
CREATE TABLE bill_line (
    account_id     text    NOT NULL,
    month          char(7) NOT NULL,
    participant_id uuid    NOT NULL,
    amount         bigint  NOT NULL,
    cancelled      boolean NOT NULL,
    PRIMARY KEY (account_id, month, participant_id)
);
CREATE INDEX bill_line_participant ON bill_line (participant_id, month);

-- Payments (payment-<reference>) and how each was settled against months (account-<account>).
CREATE TABLE payment_view (
    reference   text        PRIMARY KEY,
    account_id  text        NOT NULL,
    amount      bigint      NOT NULL,
    paid_at     timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX payment_view_account ON payment_view (account_id);
CREATE TABLE settlement_line (
    account_id text    NOT NULL,
    month      char(7) NOT NULL,
    reference  text    NOT NULL,
    amount     bigint  NOT NULL,
    PRIMARY KEY (account_id, month, reference)
);
