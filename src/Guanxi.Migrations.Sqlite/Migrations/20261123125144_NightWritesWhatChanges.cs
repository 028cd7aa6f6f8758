using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NightWritesWhatChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "OverdueSince",
                table: "CustomerCredits",
                type: "TEXT",
                nullable: true);

            // The days an overdue had on its last evaluation (stored as UTC ticks; the day in China) give the day it began.
            migrationBuilder.Sql("""
                UPDATE "CustomerCredits" SET "OverdueSince" = date(("EvaluatedAt" - 621355968000000000) / 10000000, 'unixepoch', '+8 hours', '-' || "OverdueDays" || ' days') WHERE "OverdueDays" > 0
                """);

            migrationBuilder.DropColumn(
                name: "Score",
                table: "CustomerGrades");

            migrationBuilder.DropColumn(
                name: "OverdueDays",
                table: "CustomerCredits");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "CustomerCredits");

            migrationBuilder.DropColumn(
                name: "ReasonEn",
                table: "CustomerCredits");

            migrationBuilder.CreateTable(
                name: "ParetoSnapshots",
                columns: table => new
                {
                    Scope = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    Candidates = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParetoSnapshots", x => x.Scope);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerGrades_Amount",
                table: "CustomerGrades",
                column: "Amount");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerGrades_LastOrderAt",
                table: "CustomerGrades",
                column: "LastOrderAt");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerGrades_Orders",
                table: "CustomerGrades",
                column: "Orders");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerGrades_Referrals",
                table: "CustomerGrades",
                column: "Referrals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ParetoSnapshots");

            migrationBuilder.DropIndex(
                name: "IX_CustomerGrades_Amount",
                table: "CustomerGrades");

            migrationBuilder.DropIndex(
                name: "IX_CustomerGrades_LastOrderAt",
                table: "CustomerGrades");

            migrationBuilder.DropIndex(
                name: "IX_CustomerGrades_Orders",
                table: "CustomerGrades");

            migrationBuilder.DropIndex(
                name: "IX_CustomerGrades_Referrals",
                table: "CustomerGrades");

            migrationBuilder.DropColumn(
                name: "OverdueSince",
                table: "CustomerCredits");

            migrationBuilder.AddColumn<long>(
                name: "Score",
                table: "CustomerGrades",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "OverdueDays",
                table: "CustomerCredits",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "CustomerCredits",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReasonEn",
                table: "CustomerCredits",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");
        }
    }
}
