using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintReportIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Report",
                table: "Complaints",
                columns: new[] { "ReceivedAt", "Category", "Severity", "Touchpoint", "Channel", "Tier", "DepartmentId", "Status", "RespondedAt", "ResolvedAt", "ResponseUsed", "ResolutionUsed", "ResponseTarget", "ResolutionTarget", "ResponseDueAt", "ResolutionDueAt", "HeldSince", "ReopenCount", "CustomerSatisfied" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_Report",
                table: "Complaints");
        }
    }
}
