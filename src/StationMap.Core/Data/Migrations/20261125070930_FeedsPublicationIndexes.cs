using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StationMap.Data.Migrations
{
    /// <inheritdoc />
    public partial class FeedsPublicationIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_publication_records_export_batches_last_batch_id",
                table: "publication_records");

            migrationBuilder.DropForeignKey(
                name: "fk_publication_records_stations_station_id",
                table: "publication_records");

            migrationBuilder.DropIndex(
                name: "ix_stations_adcode",
                table: "stations");

            migrationBuilder.DropIndex(
                name: "ix_publication_records_last_batch_id",
                table: "publication_records");

            migrationBuilder.DropIndex(
                name: "ix_publication_records_provider_station_code",
                table: "publication_records");

            migrationBuilder.AlterTable(
                name: "publication_records")
                .Annotation("Npgsql:StorageParameter:fillfactor", 60);

            migrationBuilder.CreateIndex(
                name: "ix_stations_adcode_code",
                table: "stations",
                columns: new[] { "adcode", "code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stations_adcode_code",
                table: "stations");

            migrationBuilder.AlterTable(
                name: "publication_records")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 60);

            migrationBuilder.CreateIndex(
                name: "ix_stations_adcode",
                table: "stations",
                column: "adcode");

            migrationBuilder.CreateIndex(
                name: "ix_publication_records_last_batch_id",
                table: "publication_records",
                column: "last_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_publication_records_provider_station_code",
                table: "publication_records",
                columns: new[] { "provider", "station_code" });

            migrationBuilder.AddForeignKey(
                name: "fk_publication_records_export_batches_last_batch_id",
                table: "publication_records",
                column: "last_batch_id",
                principalTable: "export_batches",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_publication_records_stations_station_id",
                table: "publication_records",
                column: "station_id",
                principalTable: "stations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
