using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            // The days an overdue had on its last evaluation give the day it began.
            migrationBuilder.Sql("""
                UPDATE "CustomerCredits" SET "OverdueSince" = date("EvaluatedAt", '-' || "OverdueDays" || ' days') WHERE "OverdueDays" > 0
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
