ALTER TABLE "figures" DROP CONSTRAINT "figures_report_id_reports_id_fk";
