using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchPrefixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing customers: the beginnings of 3 up to 32 characters of name and organisation (CustomerKeys.Prefix).
            migrationBuilder.Sql("""
                WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < 32),
                p AS (
                    SELECT s."Id" AS "SearchId", s."CustomerId", substr(s."Name", 1, n.i) AS "Text", s."Name", s."Organization"
                    FROM "CustomerSearch" AS s JOIN n ON length(s."Name") >= n.i
                    UNION
                    SELECT s."Id", s."CustomerId", substr(s."Organization", 1, n.i), s."Name", s."Organization"
                    FROM "CustomerSearch" AS s JOIN n ON length(s."Organization") >= n.i)
                INSERT INTO "CustomerKeys" ("Key", "Weight", "SearchId", "CustomerId")
                SELECT 'p:' || p."Text", CASE WHEN p."Text" IN (p."Name", p."Organization") THEN 2 ELSE 1 END, p."SearchId", p."CustomerId"
                FROM p;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "CustomerKeys" WHERE "Key" LIKE 'p:%';""");
        }
    }
}
