using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerErasures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerMerges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Merged = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND NEW."Id" = OLD."Id" AND NEW."ChangeId" = OLD."ChangeId" AND NEW."At" = OLD."At" AND NEW."UserId" IS NOT DISTINCT FROM OLD."UserId" AND NEW."UserName" IS NOT DISTINCT FROM OLD."UserName"
                  AND NEW."Entity" = OLD."Entity" AND NEW."Key" = OLD."Key" AND NEW."Action" = OLD."Action" AND NEW."Field" = OLD."Field"
                  AND (NEW."OldValue" IS NOT DISTINCT FROM OLD."OldValue" OR NEW."OldValue" = '[已删除]') AND (NEW."NewValue" IS NOT DISTINCT FROM OLD."NewValue" OR NEW."NewValue" = '[已删除]') THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'AuditEntries is append-only';
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'AuditEntries is append-only'; END $$;");

            migrationBuilder.DropTable(
                name: "CustomerErasures");

            migrationBuilder.DropTable(
                name: "CustomerMerges");
        }
    }
}
