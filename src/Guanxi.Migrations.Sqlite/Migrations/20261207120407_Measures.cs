using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Measures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Measures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReportedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OpinionById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OpinionAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PlanDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlanEscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Causes = table.Column<string>(type: "TEXT", nullable: false),
                    CauseCategory = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Suggestion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnalysedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnalysisRound = table.Column<int>(type: "INTEGER", nullable: true),
                    Containment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PlannedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PlanLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActionsDoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    MetricKind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    MetricKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    MetricDepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measures_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeasureAcceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureAcceptances_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DoneNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Superseded = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureActions_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureInvolvements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Part = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    InvolvedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureInvolvements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureInvolvements_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeasureInvolvements_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasurePenalties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProposedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurePenalties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasurePenalties_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeasurePenalties_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4200, nullable: true),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Progress = table.Column<int>(type: "INTEGER", nullable: true),
                    Party = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureSteps_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureAcceptances_MeasureId_Round_Party",
                table: "MeasureAcceptances",
                columns: new[] { "MeasureId", "Round", "Party" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureActions_MeasureId",
                table: "MeasureActions",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureActions_OwnerId_MeasureId",
                table: "MeasureActions",
                columns: new[] { "OwnerId", "MeasureId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureInvolvements_DepartmentId",
                table: "MeasureInvolvements",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureInvolvements_MeasureId_DepartmentId",
                table: "MeasureInvolvements",
                columns: new[] { "MeasureId", "DepartmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasurePenalties_DepartmentId",
                table: "MeasurePenalties",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasurePenalties_MeasureId",
                table: "MeasurePenalties",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasurePenalties_StaffId",
                table: "MeasurePenalties",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_DepartmentId_Status",
                table: "Measures",
                columns: new[] { "DepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_Number",
                table: "Measures",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Measures_SourceKind_SourceId",
                table: "Measures",
                columns: new[] { "SourceKind", "SourceId" },
                unique: true,
                filter: "\"SourceId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_Status_DueOn",
                table: "Measures",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_Status_PlanDueOn",
                table: "Measures",
                columns: new[] { "Status", "PlanDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureSteps_MeasureId_At",
                table: "MeasureSteps",
                columns: new[] { "MeasureId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeasureAcceptances");

            migrationBuilder.DropTable(
                name: "MeasureActions");

            migrationBuilder.DropTable(
                name: "MeasureInvolvements");

            migrationBuilder.DropTable(
                name: "MeasurePenalties");

            migrationBuilder.DropTable(
                name: "MeasureSteps");

            migrationBuilder.DropTable(
                name: "Measures");
        }
    }
}
