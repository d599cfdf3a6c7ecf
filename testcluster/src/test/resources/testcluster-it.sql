-- A script for MariaDbServerIT: comments, blank lines, multi-line statements.
CREATE DATABASE scripted;

CREATE TABLE scripted.notes (
  id INT PRIMARY KEY,
  body VARCHAR(100)
);
-- The ';' inside the value does not end the statement: only a ';' at a line end does.
INSERT INTO scripted.notes VALUES (1, 'a; b'), (2, 'Zoë');
