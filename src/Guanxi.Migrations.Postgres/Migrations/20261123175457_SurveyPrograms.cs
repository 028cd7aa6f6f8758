using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
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
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "ProgramId",
                table: "SurveyTasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SurveyPrograms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Population = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rate = table.Column<double>(type: "double precision", nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: true),
                    Cadence = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    WindowDays = table.Column<int>(type: "integer", nullable: false),
                    QuestionnaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    Method = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    LastPeriod = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyTasks_OrderId",
                table: "SurveyTasks",
                column: "OrderId",
                unique: true);
        }
    }
}
