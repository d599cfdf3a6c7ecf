-- The demo database of DESIGN.md's configuration sketch: users and orders (sharded by the
-- proxy on id / user_id) and countries (broadcast). DemoSchema adds the generated users and
-- orders after this script. Loading again starts from scratch.

DROP DATABASE IF EXISTS appdb;
CREATE DATABASE appdb CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
USE appdb;

CREATE TABLE countries (
  code CHAR(2) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL
) ENGINE=InnoDB;

CREATE TABLE users (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  email VARCHAR(200) NOT NULL,
  country_code CHAR(2) NULL,
  created_at DATETIME(6) NOT NULL,
  UNIQUE KEY uk_users_email (email)
) ENGINE=InnoDB;

CREATE TABLE orders (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  amount DECIMAL(12,2) NOT NULL,
  status ENUM('new','paid','shipped') NOT NULL,
  created_at DATETIME(6) NOT NULL,
  KEY idx_orders_user_id (user_id)
) ENGINE=InnoDB;

-- Names in their own language on purpose: multi-byte UTF-8 must survive every hop.
INSERT INTO countries (code, name) VALUES
  ('AT', 'Österreich'),
  ('BR', 'Brasil'),
  ('CH', 'Schweiz'),
  ('CN', '中国'),
  ('DE', 'Deutschland'),
  ('DK', 'Danmark'),
  ('ES', 'España'),
  ('FR', 'France'),
  ('GB', 'United Kingdom'),
  ('GR', 'Ελλάδα'),
  ('IN', 'India'),
  ('IS', 'Ísland'),
  ('JP', '日本'),
  ('MX', 'México'),
  ('NG', 'Nigeria'),
  ('NO', 'Norge'),
  ('PL', 'Polska'),
  ('TR', 'Türkiye'),
  ('US', 'United States'),
  ('VN', 'Việt Nam');
