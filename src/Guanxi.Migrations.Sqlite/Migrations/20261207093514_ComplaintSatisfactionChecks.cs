using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintSatisfactionChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Satisfied",
                table: "ComplaintSteps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CheckSatisfied",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CheckTaskId",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CheckTaskId",
                table: "Complaints",
                column: "CheckTaskId",
                unique: true,
                filter: "\"CheckTaskId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceivedAt_DepartmentId_CheckTaskId_CheckSatisfied",
                table: "Complaints",
                columns: new[] { "ReceivedAt", "DepartmentId", "CheckTaskId", "CheckSatisfied" },
                filter: "\"CheckTaskId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_CheckTaskId",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ReceivedAt_DepartmentId_CheckTaskId_CheckSatisfied",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "Satisfied",
                table: "ComplaintSteps");

            migrationBuilder.DropColumn(
                name: "CheckSatisfied",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "CheckTaskId",
                table: "Complaints");
        }
    }
}
