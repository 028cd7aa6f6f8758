using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CreditOverdueSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "OverdueSince",
                table: "CustomerCredits",
                type: "date",
                nullable: true);

            // The days an overdue had on its last evaluation give the day it began.
            migrationBuilder.Sql("""
                UPDATE "CustomerCredits" SET "OverdueSince" = CAST("EvaluatedAt" AT TIME ZONE 'Asia/Shanghai' AS date) - "OverdueDays" WHERE "OverdueDays" > 0
                """);

            migrationBuilder.DropColumn(
                name: "OverdueDays",
                table: "CustomerCredits");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "CustomerCredits");

            migrationBuilder.DropColumn(
                name: "ReasonEn",
                table: "CustomerCredits");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OverdueSince",
                table: "CustomerCredits");

            migrationBuilder.AddColumn<int>(
                name: "OverdueDays",
                table: "CustomerCredits",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "CustomerCredits",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReasonEn",
                table: "CustomerCredits",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");
        }
    }
}
