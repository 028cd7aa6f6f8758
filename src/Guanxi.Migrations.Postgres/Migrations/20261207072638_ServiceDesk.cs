using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ServiceDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_ReceivedAt",
                table: "Complaints");

            migrationBuilder.CreateTable(
                name: "CrisisWarnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SeriesKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SeriesName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Window = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    WindowStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WindowEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Observed = table.Column<int>(type: "integer", nullable: false),
                    Usual = table.Column<double>(type: "double precision", nullable: false),
                    PValue = table.Column<double>(type: "double precision", nullable: false),
                    Earlier = table.Column<string>(type: "text", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Plan = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PlanById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PlanAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Communications = table.Column<string>(type: "text", nullable: false),
                    ClosingNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrisisWarnings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_At",
                table: "Contacts",
                column: "At")
                .Annotation("Npgsql:IndexInclude", new[] { "Touchpoint", "Channel", "Direction", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceivedAt",
                table: "Complaints",
                column: "ReceivedAt")
                .Annotation("Npgsql:IndexInclude", new[] { "Category", "Severity", "Touchpoint", "Channel", "Tier", "DepartmentId", "CustomerId", "Status", "RespondedAt", "ResolvedAt", "ResponseUsed", "ResolutionUsed", "ResponseTarget", "ResolutionTarget", "ResponseDueAt", "ResolutionDueAt", "HeldSince", "ReopenCount", "CustomerSatisfied" });

            migrationBuilder.CreateIndex(
                name: "IX_CrisisWarnings_Kind_SeriesKey_Window",
                table: "CrisisWarnings",
                columns: new[] { "Kind", "SeriesKey", "Window" },
                unique: true,
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_CrisisWarnings_Status_RaisedAt",
                table: "CrisisWarnings",
                columns: new[] { "Status", "RaisedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrisisWarnings");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_At",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ReceivedAt",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceivedAt",
                table: "Complaints",
                column: "ReceivedAt");
        }
    }
}
