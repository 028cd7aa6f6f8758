using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastDueOn",
                table: "Orders",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PaidOnTime",
                table: "Orders",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_LastDueOn",
                table: "Orders",
                column: "LastDueOn");

            // The sums of the orders written before: from their instalments (camelCase JSON, dates as yyyy-MM-dd).
            migrationBuilder.Sql("""
                UPDATE "Orders" SET
                    "Instalments" = jsonb_array_length("Payments"::jsonb),
                    "PaidOnTime" = (SELECT COUNT(*) FROM jsonb_array_elements("Payments"::jsonb) p WHERE p ->> 'paidAt' IS NOT NULL AND p ->> 'paidAt' <= p ->> 'dueAt'),
                    "LastDueOn" = (SELECT MAX((p ->> 'dueAt')::date) FROM jsonb_array_elements("Payments"::jsonb) p)
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
