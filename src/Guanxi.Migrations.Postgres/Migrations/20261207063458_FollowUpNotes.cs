using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FollowUpFeedback",
                table: "CustomerTasks",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpNeeds",
                table: "CustomerTasks",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FollowUpOpportunity",
                table: "CustomerTasks",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpOpportunityNote",
                table: "CustomerTasks",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpUsage",
                table: "CustomerTasks",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FollowUpFeedback",
                table: "CustomerTasks");

            migrationBuilder.DropColumn(
                name: "FollowUpNeeds",
                table: "CustomerTasks");

            migrationBuilder.DropColumn(
                name: "FollowUpOpportunity",
                table: "CustomerTasks");

            migrationBuilder.DropColumn(
                name: "FollowUpOpportunityNote",
                table: "CustomerTasks");

            migrationBuilder.DropColumn(
                name: "FollowUpUsage",
                table: "CustomerTasks");
        }
    }
}
