using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SurveyIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyTasks_ProgramId_CustomerId",
                table: "SurveyTasks");

            migrationBuilder.DropIndex(
                name: "IX_SurveyExclusions_Kind_DeliveredOn",
                table: "SurveyExclusions");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyTasks_ProgramId_CustomerId",
                table: "SurveyTasks",
                columns: new[] { "ProgramId", "CustomerId" },
                filter: "\"ProgramId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyExclusions_Kind_DeliveredOn_Reason",
                table: "SurveyExclusions",
                columns: new[] { "Kind", "DeliveredOn", "Reason" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Kind_DeliveredAt_Amount",
                table: "Orders",
                columns: new[] { "Kind", "DeliveredAt", "Amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyTasks_ProgramId_CustomerId",
                table: "SurveyTasks");

            migrationBuilder.DropIndex(
                name: "IX_SurveyExclusions_Kind_DeliveredOn_Reason",
                table: "SurveyExclusions");

            migrationBuilder.DropIndex(
                name: "IX_Orders_Kind_DeliveredAt_Amount",
                table: "Orders");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyTasks_ProgramId_CustomerId",
                table: "SurveyTasks",
                columns: new[] { "ProgramId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyExclusions_Kind_DeliveredOn",
                table: "SurveyExclusions",
                columns: new[] { "Kind", "DeliveredOn" });
        }
    }
}
