using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GradeFigureIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
