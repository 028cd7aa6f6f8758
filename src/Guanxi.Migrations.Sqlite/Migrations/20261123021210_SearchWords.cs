using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The short path of SQLite's search moves from ~20 key rows per customer ("g:" pieces and "p:" beginnings) to a
    /// second FTS5 index over CustomerSearch."Words" (CustomerKeys.Words), kept in step by triggers like "CustomerFts".
    /// Existing entries get their words here, computed in SQL the way CustomerKeys.Words computes them.
    /// </summary>
    public partial class SearchWords : Migration
    {
        // CustomerKeys.Word of one character x: whitespace and control characters become "␣".
        private const string Word = """
            CASE WHEN unicode(x) < 33 OR unicode(x) BETWEEN 127 AND 160 OR unicode(x) IN (5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)
                 THEN '␣' ELSE x END
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Words",
                table: "CustomerSearch",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200),
                part AS (
                    SELECT "Id", 0 AS p, "Name" AS t FROM "CustomerSearch" WHERE "Name" <> ''
                    UNION ALL SELECT "Id", 1, "Organization" FROM "CustomerSearch" WHERE "Organization" <> ''),
                c AS (
                    SELECT "Id", p, i, len, {Word} AS ch
                    FROM (SELECT part."Id", part.p, n.i, length(part.t) AS len, substr(part.t, n.i, 1) AS x FROM part JOIN n ON n.i <= length(part.t))),
                b AS (SELECT "Id", p, i, len, ch, group_concat(ch, '') OVER (PARTITION BY "Id", p ORDER BY i ROWS UNBOUNDED PRECEDING) AS pre FROM c),
                per AS (
                    SELECT "Id", p, group_concat(ch, ' ' ORDER BY i) AS chars,
                        group_concat(CASE WHEN i <= 32 THEN '^' || pre END, ' ' ORDER BY i)
                            || CASE WHEN max(len) <= 32 THEN ' =' || max(CASE WHEN i = len THEN pre END) ELSE '' END AS starts
                    FROM b GROUP BY "Id", p),
                words AS (SELECT "Id", group_concat(chars, ' || ' ORDER BY p) || ' ' || group_concat(starts, ' ' ORDER BY p) AS w FROM per GROUP BY "Id")
                UPDATE "CustomerSearch" SET "Words" = words.w FROM words WHERE words."Id" = "CustomerSearch"."Id";
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "CustomerWords" USING fts5("Words", content='CustomerSearch', content_rowid='Id', tokenize="ascii tokenchars '!""#$%&''()*+,-./:;<=>?@[\]^_`{|}~'");
                INSERT INTO "CustomerWords"("CustomerWords") VALUES ('rebuild');
                CREATE TRIGGER "CustomerSearch_words_ai" AFTER INSERT ON "CustomerSearch" BEGIN
                    INSERT INTO "CustomerWords"(rowid, "Words") VALUES (new."Id", new."Words");
                END;
                CREATE TRIGGER "CustomerSearch_words_ad" AFTER DELETE ON "CustomerSearch" BEGIN
                    INSERT INTO "CustomerWords"("CustomerWords", rowid, "Words") VALUES ('delete', old."Id", old."Words");
                END;
                CREATE TRIGGER "CustomerSearch_words_au" AFTER UPDATE OF "Words" ON "CustomerSearch" BEGIN
                    INSERT INTO "CustomerWords"("CustomerWords", rowid, "Words") VALUES ('delete', old."Id", old."Words");
                    INSERT INTO "CustomerWords"(rowid, "Words") VALUES (new."Id", new."Words");
                END;
                DELETE FROM "CustomerKeys" WHERE ("Key" >= 'g:' AND "Key" < 'g;') OR ("Key" >= 'p:' AND "Key" < 'p;');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "CustomerSearch_words_au"; DROP TRIGGER "CustomerSearch_words_ad"; DROP TRIGGER "CustomerSearch_words_ai";
                DROP TABLE "CustomerWords";
                """);
            // The keys again: 1–2 character pieces ("g:") and beginnings of 3 up to 32 ("p:"), weighted 2 exact, 1 prefix, 0 other.
            migrationBuilder.Sql("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200),
                piece AS (
                    SELECT s."Id", s."CustomerId", s."Name", s."Organization", 'g:' AS k, substr(t.t, n.i, w.w) AS x
                    FROM "CustomerSearch" AS s JOIN (SELECT 0 AS p UNION ALL SELECT 1) AS pt
                    JOIN (SELECT 1 AS w UNION ALL SELECT 2) AS w
                    JOIN (SELECT "Id", 0 AS p, "Name" AS t FROM "CustomerSearch" UNION ALL SELECT "Id", 1, "Organization" FROM "CustomerSearch") AS t ON t."Id" = s."Id" AND t.p = pt.p
                    JOIN n ON n.i + w.w - 1 <= length(t.t)
                    UNION
                    SELECT s."Id", s."CustomerId", s."Name", s."Organization", 'p:', substr(t.t, 1, n.i)
                    FROM "CustomerSearch" AS s
                    JOIN (SELECT "Id", "Name" AS t FROM "CustomerSearch" UNION ALL SELECT "Id", "Organization" FROM "CustomerSearch") AS t ON t."Id" = s."Id"
                    JOIN n ON n.i >= 3 AND n.i <= 32 AND n.i <= length(t.t))
                INSERT OR IGNORE INTO "CustomerKeys" ("Key", "Weight", "SearchId", "CustomerId")
                SELECT k || x, CASE WHEN x IN ("Name", "Organization") THEN 2
                    WHEN substr("Name", 1, length(x)) = x OR substr("Organization", 1, length(x)) = x THEN 1 ELSE 0 END, "Id", "CustomerId"
                FROM piece;
                """);
            migrationBuilder.Sql("""ALTER TABLE "CustomerSearch" DROP COLUMN "Words";""");   // in place: a rebuild would drop CustomerFts's triggers
        }
    }
}
