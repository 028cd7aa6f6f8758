using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MeasureEffects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SurveyTasks_Effect",
                table: "SurveyTasks",
                columns: new[] { "DepartmentId", "Outcome", "SurveyedOn", "Kind", "ResponseId" },
                filter: "\"ProgramId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Effect",
                table: "Complaints",
                columns: new[] { "DepartmentId", "Category", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyTasks_Effect",
                table: "SurveyTasks");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_Effect",
                table: "Complaints");
        }
    }
}
