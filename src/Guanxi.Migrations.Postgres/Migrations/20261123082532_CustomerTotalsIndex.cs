using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CustomerTotalsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_CustomerId_OrderedAt",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_ReferrerId",
                table: "Orders");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CustomerTotals",
                table: "Orders",
                columns: new[] { "CustomerId", "OrderedAt", "Amount", "Cost", "DeliveredAt", "Instalments", "PaidOnTime", "LastDueOn", "UnpaidSince", "Outstanding" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ReferrerId_OrderedAt",
                table: "Orders",
                columns: new[] { "ReferrerId", "OrderedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_CustomerTotals",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_ReferrerId_OrderedAt",
                table: "Orders");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CustomerId_OrderedAt",
                table: "Orders",
                columns: new[] { "CustomerId", "OrderedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ReferrerId",
                table: "Orders",
                column: "ReferrerId");
        }
    }
}
