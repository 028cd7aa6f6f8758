using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Grading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Potential",
                table: "Customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PotentialReason",
                table: "Customers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "Customers",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "Ordinary");

            migrationBuilder.CreateTable(
                name: "CustomerGrades",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<long>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Orders = table.Column<int>(type: "INTEGER", nullable: false),
                    Profit = table.Column<long>(type: "INTEGER", nullable: false),
                    RepeatRate = table.Column<double>(type: "REAL", nullable: false),
                    Referrals = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstOrderAt = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastOrderAt = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerGrades", x => x.CustomerId);
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Progress = table.Column<double>(type: "REAL", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MessageEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "TierChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Score = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReasonEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TierChanges_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Tier_Status",
                table: "Customers",
                columns: new[] { "Tier", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerGrades_Profit",
                table: "CustomerGrades",
                column: "Profit");

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_Kind_CreatedAt",
                table: "JobRuns",
                columns: new[] { "Kind", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TierChanges_CustomerId_At",
                table: "TierChanges",
                columns: new[] { "CustomerId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerGrades");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "Settings");

            migrationBuilder.DropTable(
                name: "TierChanges");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Tier_Status",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Potential",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "PotentialReason",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "Customers");
        }
    }
}
