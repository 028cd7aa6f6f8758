using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchWeights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SearchId",
                table: "CustomerKeys",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Weight",
                table: "CustomerKeys",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Existing keys: their search entry's id and their weight (CustomerKeys.Weight in SQL).
            migrationBuilder.Sql("""
                DELETE FROM "CustomerKeys" WHERE "CustomerId" NOT IN (SELECT "CustomerId" FROM "CustomerSearch");
                UPDATE "CustomerKeys" AS k SET
                    "SearchId" = s."Id",
                    "Weight" = CASE WHEN k."Key" LIKE 'g:%' THEN CASE WHEN substr(k."Key", 3) IN (s."Name", s."Organization") THEN 2
                      WHEN substr(s."Name", 1, length(k."Key") - 2) = substr(k."Key", 3)
                        OR substr(s."Organization", 1, length(k."Key") - 2) = substr(k."Key", 3) THEN 1 ELSE 0 END ELSE 0 END
                FROM "CustomerSearch" AS s WHERE s."CustomerId" = k."CustomerId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchId",
                table: "CustomerKeys");

            migrationBuilder.DropColumn(
                name: "Weight",
                table: "CustomerKeys");
        }
    }
}
