using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ServiceDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CrisisWarnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SeriesKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SeriesName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Window = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    WindowStart = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    Observed = table.Column<int>(type: "INTEGER", nullable: false),
                    Usual = table.Column<double>(type: "REAL", nullable: false),
                    PValue = table.Column<double>(type: "REAL", nullable: false),
                    Earlier = table.Column<string>(type: "text", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Plan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PlanById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PlanAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Communications = table.Column<string>(type: "text", nullable: false),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrisisWarnings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_At",
                table: "Contacts",
                column: "At");

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
        }
    }
}
