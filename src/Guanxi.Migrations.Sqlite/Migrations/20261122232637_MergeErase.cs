using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MergeErase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerErasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerErasures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerMerges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Merged = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerMerges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerErasures_CustomerId",
                table: "CustomerErasures",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMerges_SurvivorId",
                table: "CustomerMerges",
                column: "SurvivorId");

            // SEC-1 erasure: the history stays append-only except that a value may be replaced by the redaction mark.
            migrationBuilder.Sql("DROP TRIGGER AuditEntries_no_update;");
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEntries_no_update BEFORE UPDATE ON AuditEntries
                WHEN NOT (NEW."Id" = OLD."Id" AND NEW."ChangeId" = OLD."ChangeId" AND NEW."At" = OLD."At" AND NEW."UserId" IS OLD."UserId" AND NEW."UserName" IS OLD."UserName"
                  AND NEW."Entity" = OLD."Entity" AND NEW."Key" = OLD."Key" AND NEW."Action" = OLD."Action" AND NEW."Field" = OLD."Field"
                  AND (NEW."OldValue" IS OLD."OldValue" OR NEW."OldValue" = '[已删除]') AND (NEW."NewValue" IS OLD."NewValue" OR NEW."NewValue" = '[已删除]'))
                BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER AuditEntries_no_update;");
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_no_update BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;");

            migrationBuilder.DropTable(
                name: "CustomerErasures");

            migrationBuilder.DropTable(
                name: "CustomerMerges");
        }
    }
}
