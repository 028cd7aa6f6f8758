using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SurveyPrograms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyTasks_OrderId",
                table: "SurveyTasks");

            migrationBuilder.AlterColumn<Guid>(
                name: "OrderId",
                table: "SurveyTasks",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "ProgramId",
                table: "SurveyTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SurveyPrograms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Population = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rate = table.Column<double>(type: "REAL", nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: true),
                    Cadence = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    WindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionnaireId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastPeriod = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyPrograms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyPrograms_Questionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "Questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyTasks_OrderId",
                table: "SurveyTasks",
                column: "OrderId",
                unique: true,
                filter: "\"ProgramId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyTasks_ProgramId_CustomerId",
                table: "SurveyTasks",
                columns: new[] { "ProgramId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyPrograms_QuestionnaireId",
                table: "SurveyPrograms",
                column: "QuestionnaireId");

            migrationBuilder.AddForeignKey(
                name: "FK_SurveyTasks_SurveyPrograms_ProgramId",
                table: "SurveyTasks",
                column: "ProgramId",
                principalTable: "SurveyPrograms",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SurveyTasks_SurveyPrograms_ProgramId",
                table: "SurveyTasks");

            migrationBuilder.DropTable(
                name: "SurveyPrograms");

            migrationBuilder.DropIndex(
                name: "IX_SurveyTasks_OrderId",
                table: "SurveyTasks");

            migrationBuilder.DropIndex(
                name: "IX_SurveyTasks_ProgramId_CustomerId",
                table: "SurveyTasks");

            migrationBuilder.DropColumn(
                name: "ProgramId",
                table: "SurveyTasks");

            migrationBuilder.AlterColumn<Guid>(
                name: "OrderId",
                table: "SurveyTasks",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyTasks_OrderId",
                table: "SurveyTasks",
                column: "OrderId",
                unique: true);
        }
    }
}
