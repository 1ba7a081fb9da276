// Pure tests have no database: anything that tries to open one fails at once instead of writing a file.
process.env.DATABASE_URL = "file:/dev/null/pure-tests-have-no-database.db";
process.env.NODE_ENV = "test";
process.env.SECURE_COOKIES = "false";
