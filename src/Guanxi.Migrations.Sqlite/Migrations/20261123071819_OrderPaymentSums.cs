using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrderPaymentSums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Instalments",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastDueOn",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PaidOnTime",
                table: "Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_LastDueOn",
                table: "Orders",
                column: "LastDueOn");

            // The sums of the orders written before: from their instalments (camelCase JSON, dates as yyyy-MM-dd).
            migrationBuilder.Sql("""
                UPDATE "Orders" SET
                    "Instalments" = json_array_length("Payments"),
                    "PaidOnTime" = (SELECT COUNT(*) FROM json_each("Payments") p WHERE p.value ->> 'paidAt' IS NOT NULL AND p.value ->> 'paidAt' <= p.value ->> 'dueAt'),
                    "LastDueOn" = (SELECT MAX(p.value ->> 'dueAt') FROM json_each("Payments") p)
                WHERE "Payments" <> '[]';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_LastDueOn",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Instalments",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "LastDueOn",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "PaidOnTime",
                table: "Orders");
        }
    }
}
