/** The shared raw-SQL runner moved to lib/db (the login path uses it too); kept here for the permission modules. */
export { closeSqlRunner, sqlRunner, type Row, type SqlRunner } from "@/lib/db/sql-runner";
