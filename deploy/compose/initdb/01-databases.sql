-- One database per service (run once, when the postgres volume is empty).
CREATE DATABASE loket_queue;
CREATE DATABASE loket_membership;
CREATE DATABASE loket_complaint;
CREATE DATABASE loket_feedback;
