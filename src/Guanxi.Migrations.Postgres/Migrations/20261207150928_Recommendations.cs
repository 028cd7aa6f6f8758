using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guanxi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Recommendations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "VehicleMileage",
                table: "Orders",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ItemPairs",
                columns: table => new
                {
                    Item = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Other = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Both = table.Column<int>(type: "integer", nullable: false),
                    ItemBuyers = table.Column<int>(type: "integer", nullable: false),
                    OtherBuyers = table.Column<int>(type: "integer", nullable: false),
                    Customers = table.Column<int>(type: "integer", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemPairs", x => new { x.Item, x.Other });
                });

            migrationBuilder.CreateTable(
                name: "RecommendationTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(240)", maxLength: 240, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationTasks_CustomerTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "CustomerTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RecommendationTasks_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationTasks_CustomerId_Key",
                table: "RecommendationTasks",
                columns: new[] { "CustomerId", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationTasks_TaskId",
                table: "RecommendationTasks",
                column: "TaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ItemPairs");

            migrationBuilder.DropTable(
                name: "RecommendationTasks");

            migrationBuilder.DropColumn(
                name: "VehicleMileage",
                table: "Orders");
        }
    }
}
