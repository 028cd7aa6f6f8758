using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchGroupsMerge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Contacts",
                table: "Customers",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CustomerGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CustomerKeys",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerKeys", x => new { x.Key, x.CustomerId });
                    table.ForeignKey(
                        name: "FK_CustomerKeys_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerSearch",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Organization = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerSearch", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerSearch_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerGroupMembers",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerGroupMembers", x => new { x.GroupId, x.CustomerId });
                    table.ForeignKey(
                        name: "FK_CustomerGroupMembers_CustomerGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "CustomerGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CustomerGroupMembers_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_MergedIntoId",
                table: "Customers",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerGroupMembers_CustomerId",
                table: "CustomerGroupMembers",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerGroups_Name",
                table: "CustomerGroups",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerKeys_CustomerId",
                table: "CustomerKeys",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSearch_CustomerId",
                table: "CustomerSearch",
                column: "CustomerId",
                unique: true);

            // Customer search (issue 3): an external-content FTS5 trigram table over CustomerSearch, kept in step by triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "CustomerFts" USING fts5("Text", content='CustomerSearch', content_rowid='Id', tokenize='trigram case_sensitive 1');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CustomerSearch_ai" AFTER INSERT ON "CustomerSearch" BEGIN
                    INSERT INTO "CustomerFts"(rowid, "Text") VALUES (new."Id", new."Text");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CustomerSearch_ad" AFTER DELETE ON "CustomerSearch" BEGIN
                    INSERT INTO "CustomerFts"("CustomerFts", rowid, "Text") VALUES ('delete', old."Id", old."Text");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CustomerSearch_au" AFTER UPDATE OF "Text" ON "CustomerSearch" BEGIN
                    INSERT INTO "CustomerFts"("CustomerFts", rowid, "Text") VALUES ('delete', old."Id", old."Text");
                    INSERT INTO "CustomerFts"(rowid, "Text") VALUES (new."Id", new."Text");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CustomerSearch_au"; DROP TRIGGER IF EXISTS "CustomerSearch_ad"; DROP TRIGGER IF EXISTS "CustomerSearch_ai"; DROP TABLE IF EXISTS "CustomerFts";""");
            migrationBuilder.DropTable(
                name: "CustomerGroupMembers");

            migrationBuilder.DropTable(
                name: "CustomerKeys");

            migrationBuilder.DropTable(
                name: "CustomerSearch");

            migrationBuilder.DropTable(
                name: "CustomerGroups");

            migrationBuilder.DropIndex(
                name: "IX_Customers_MergedIntoId",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Contacts",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Customers");
        }
    }
}
