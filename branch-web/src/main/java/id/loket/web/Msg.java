package id.loket.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word on the pages: Bahasa Indonesia here (the default), English in messages/msg_en.properties. Names of
 * things the services send (statuses, purposes, channels, outcomes) are translated by one message each with a
 * {#when} inside, so a value the pages do not know yet is shown as it came.
 */
@MessageBundle(value = "msg", locale = "id")
public interface Msg {

    // --- every page ---
    @Message("Loket BPJS Kesehatan")
    String app();

    @Message("Lewati ke isi")
    String skip();

    @Message("Keluar")
    String sign_out();

    @Message("Pintasan keyboard")
    String shortcuts();

    @Message("Tidak ada jaringan: tidak ada yang dikirim. Periksa kabel atau Wi-Fi; halaman tersambung lagi sendiri.")
    String offline();

    @Message("Isian Anda dipulihkan setelah masuk kembali.")
    String restored();

    @Message("queue-service tidak menjawab: pemeriksaan pintu, tiket dan panggilan loket berhenti. Catat pengunjung di kertas dan coba lagi sebentar lagi.")
    String down_queue();

    @Message("membership-service tidak menjawab: pintu tetap memeriksa dari salinan status di queue-service; cari peserta, tunggakan, pembayaran dan laporan kematian menunggu.")
    String down_membership();

    @Message("complaint-service tidak menjawab: pengaduan belum bisa dicatat; antrean dan layanan tetap berjalan.")
    String down_complaint();

    @Message("feedback-service tidak menjawab: QR survei belum tersedia; antrean dan layanan tetap berjalan.")
    String down_feedback();

    @Message("{service} tidak menjawab. Coba lagi sebentar lagi.")
    String service_down(String service);

    @Message("Akses ditolak")
    String forbidden_title();

    @Message("Anda tidak berhak melihat halaman atau data ini (peran atau cabang lain). Tidak ada data yang ditampilkan.")
    String forbidden_text();

    @Message("Ke halaman saya")
    String to_my_page();

    @Message("Anda sudah keluar.")
    String signed_out();

    @Message("Masuk lagi")
    String sign_in_again();

    @Message("Tidak ada halaman untuk peran Anda di aplikasi ini.")
    String no_page();

    @Message("{min} mnt")
    String minutes(Long min);

    @Message("{#when status}{#is 'ACTIVE'}AKTIF{#is 'SUSPENDED'}DITANGGUHKAN{#is 'INACTIVE'}TIDAK AKTIF{#is 'UNKNOWN'}TIDAK DIKETAHUI{#is 'NOT_REGISTERED'}TIDAK TERDAFTAR{#else}{status}{/when}")
    String status(String status);

    @Message("{#when source}{#is 'MEMBERSHIP_SERVICE'}dari membership-service{#is 'LOCAL_COPY'}dari salinan status di queue-service{#else}tidak ditemukan, atau membership-service tidak menjawab{/when}")
    String source(String source);

    @Message("{#when p}{#is 'INFORMATION'}Informasi{#is 'STATUS_CHECK'}Cek status{#is 'PRINT_CARD'}Cetak kartu{#is 'CHANGE_FACILITY'}Ganti faskes{#is 'ARREARS_PAYMENT'}Bayar tunggakan{#is 'REACTIVATION'}Aktifkan kembali{#is 'REGISTRATION'}Pendaftaran{#is 'DATA_CORRECTION'}Perbaikan data{#is 'DEACTIVATION_DECEASED'}Lapor kematian{#is 'COMPLAINT'}Pengaduan{#else}{p}{/when}")
    String purpose(String p);

    @Message("{#when p}{#is 'NONE'}Biasa{#is 'ELDERLY'}Lansia{#is 'DISABLED'}Disabilitas{#is 'PREGNANT'}Ibu hamil{#else}{p}{/when}")
    String priority(String p);

    @Message("{#when c}{#is 'PANDAWA'}PANDAWA (WhatsApp 0811-8165-165){#is 'MOBILE_JKN'}Aplikasi Mobile JKN{#is 'CARE_CENTER_165'}Care Center 165{#is 'I_CARE_JKN'}i-Care JKN{#is 'BPJS_WEBSITE'}Situs bpjs-kesehatan.go.id{#is 'VIKA_CHATBOT'}Chatbot VIKA{#else}{c}{/when}")
    String channel(String c);

    @Message("{#when c}{#is 'PANDAWA'}Kirim WhatsApp ke PANDAWA 0811-8165-165, sebutkan NIK dan keperluan; petugas menjawab di hari kerja.{#is 'MOBILE_JKN'}Unduh Mobile JKN di Play Store/App Store, masuk dengan NIK; cek status, ganti faskes dan bayar iuran dari ponsel.{#is 'CARE_CENTER_165'}Telepon 165 (24 jam) untuk informasi dan pengaduan.{#is 'I_CARE_JKN'}Riwayat layanan kesehatan bisa dilihat di i-Care JKN lewat Mobile JKN.{#is 'BPJS_WEBSITE'}Informasi lengkap di bpjs-kesehatan.go.id.{#is 'VIKA_CHATBOT'}Tanya VIKA, chatbot di situs dan Mobile JKN.{#else}{c}{/when}")
    String channel_tell(String c);

    @Message("{#when o}{#is 'ANSWERED_ON_SPOT'}Dijawab di tempat{#is 'DIRECTED_TO_DIGITAL'}Diarahkan ke kanal digital{#is 'DIRECTED_TO_KIOSK'}Diarahkan ke kios{#is 'TICKET'}Tiket antrean{#else}{o}{/when}")
    String outcome(String o);

    @Message("{#when s}{#is 'WAITING'}menunggu{#is 'CALLED'}dipanggil{#is 'SERVING'}dilayani{#is 'NO_SHOW'}tidak hadir{#is 'CLOSED'}selesai{#is 'END_OF_DAY'}akhir hari{#else}{s}{/when}")
    String ticket_state(String s);

    @Message("{#when s}{#is 'SCREENING'}pintu{#is 'KIOSK'}kios{#is 'APPOINTMENT'}janji temu{#else}{s}{/when}")
    String ticket_source(String s);

    // --- landing ---
    @Message("Selamat datang, {name}")
    String welcome(String name);

    @Message("Pintu (pemeriksaan)")
    String page_door();

    @Message("Loket")
    String page_counter();

    @Message("Supervisor")
    String page_supervisor();

    // --- door ---
    @Message("Pemeriksaan di pintu")
    String door_title();

    @Message("NIK (16 digit) atau nomor kartu JKN (13 digit)")
    String door_number();

    @Message("{n} digit: NIK 16, kartu 13")
    String door_digits(String n);

    @Message("NIK ✓ 16 digit")
    String door_nik_ok();

    @Message("Nomor kartu ✓ 13 digit")
    String door_card_ok();

    @Message("Keperluan")
    String door_purpose();

    @Message("Prioritas")
    String door_priority();

    @Message("Periksa")
    String door_check();

    @Message("Status kepesertaan")
    String door_status();

    @Message("NIK …{last4}")
    String door_last4(String last4);

    @Message("Tunggakan {months} bulan")
    String door_arrears_months(Integer months);

    @Message("Saran")
    String door_suggestion();

    @Message("Terima saran")
    String door_accept();

    @Message("Atau pilih sendiri")
    String door_override();

    @Message("Tiket layanan {code}")
    String door_ticket_of(String code);

    @Message("Ke kanal digital")
    String door_to_digital();

    @Message("Sampaikan kepada pengunjung")
    String door_tell();

    @Message("Nomor antrean")
    String door_ticket_number();

    @Message("Pengunjung berikutnya")
    String door_next_visitor();

    @Message("Antrean sekarang")
    String door_waiting();

    @Message("{count} menunggu")
    String door_count(int count);

    @Message("perkiraan {min} mnt")
    String door_estimate(Long min);

    @Message("perkiraan belum ada")
    String door_no_estimate();

    @Message("Hari ini libur: {name}. Tiket tidak dapat diambil.")
    String door_holiday(String name);

    @Message("Cabang tutup: {detail}")
    String door_closed(String detail);

    @Message("Buka lagi {when}")
    String door_opens(String when);

    @Message("Jam layanan hari ini: {opens}–{closes}")
    String door_hours(String opens, String closes);

    @Message("Tidak ada jam layanan hari ini.")
    String door_no_hours();

    @Message("Sumber: {source}")
    String door_source(String source);

    @Message("Layanan {code}")
    String service_type(String code);

    // --- counter ---
    @Message("Pilih loket")
    String counter_pick();

    @Message("buka")
    String counter_open_state();

    @Message("tutup")
    String counter_closed_state();

    @Message("Buka loket")
    String counter_open();

    @Message("Tutup loket")
    String counter_close();

    @Message("Panggil berikutnya")
    String counter_call_next();

    @Message("Tidak ada yang menunggu untuk layanan loket ini.")
    String counter_nobody();

    @Message("Loket ini sudah memanggil {number} ({state}): selesaikan dulu sebelum memanggil berikutnya.")
    String counter_busy(String number, String state);

    @Message("Mulai layanan")
    String counter_start();

    @Message("Panggil ulang")
    String counter_recall();

    @Message("Tidak hadir")
    String counter_no_show();

    @Message("“Tidak hadir” setelah {n}× panggil ulang.")
    String counter_no_show_after(int n);

    @Message("Kembalikan ke antrean")
    String counter_return();

    @Message("Alihkan ke")
    String counter_transfer();

    @Message("Alihkan")
    String counter_transfer_go();

    @Message("Selesai")
    String counter_close_ticket();

    @Message("Kanal digital yang sudah diajarkan")
    String counter_channels_taught();

    @Message("Hasil")
    String counter_outcome();

    @Message("Dilayani")
    String counter_served();

    @Message("Tiket sekarang")
    String counter_current();

    @Message("Belum ada tiket. Tekan “Panggil berikutnya”.")
    String counter_no_ticket();

    @Message("Sumber {source} · {priority}")
    String counter_ticket_meta(String source, String priority);

    @Message("Menunggu")
    String counter_waited();

    @Message("Sejak dipanggil")
    String counter_since_called();

    @Message("Sejak mulai")
    String counter_since_started();

    @Message("dipanggil ulang {n}×")
    String counter_recalls(int n);

    @Message("Keperluan di pintu")
    String counter_door_purpose();

    @Message("Antrean per layanan")
    String counter_waiting();

    @Message("Layanan")
    String col_service();

    @Message("Menunggu")
    String col_waiting();

    @Message("Terlama")
    String col_oldest();

    @Message("Target")
    String col_target();

    @Message("Perkiraan")
    String col_estimate();

    @Message("Kunjungan selesai. Minta peserta memindai QR untuk survei kepuasan.")
    String counter_survey();

    @Message("QR survei sedang disiapkan…")
    String counter_survey_pending();

    @Message("Buka survei")
    String counter_survey_link();

    // --- participant panel ---
    @Message("Peserta")
    String participant();

    @Message("Cari NIK atau nomor kartu")
    String participant_search();

    @Message("Cari")
    String participant_find();

    @Message("Setiap pencarian dicatat dengan tujuan kunjungan {visit}.")
    String participant_audit(String visit);

    @Message("Panggil tiket dulu: setiap pembacaan data peserta memakai tujuan kunjungan.")
    String participant_need_visit();

    @Message("Tunggakan")
    String arrears();

    @Message("Total agar aktif")
    String arrears_to_active();

    @Message("Denda pelayanan (perkiraan)")
    String arrears_penalty();

    @Message("Denda pelayanan untuk tarif {tariff} ({months} bulan dihitung)")
    String arrears_penalty_for(String tariff, int months);

    @Message("Tarif INA-CBG rawat inap (Rp), untuk perkiraan denda pelayanan")
    String arrears_penalty_tariff();

    @Message("Hitung denda")
    String arrears_penalty_quote();

    @Message("Denda berlaku bila peserta dirawat inap dalam 45 hari setelah aktif kembali; dihitung oleh membership-service.")
    String arrears_penalty_hint();

    @Message("Bulan")
    String col_month();

    @Message("Jumlah")
    String col_amount();

    @Message("Catat pembayaran")
    String payment();

    @Message("Jumlah (Rp)")
    String payment_amount();

    @Message("Referensi pembayaran")
    String payment_reference();

    @Message("Simpan pembayaran")
    String payment_save();

    @Message("Pembayaran {reference} tercatat.")
    String payment_done(String reference);

    @Message("Peserta aktif kembali.")
    String payment_reactivated();

    @Message("Cicilan (program REHAB)")
    String plan();

    @Message("Jumlah cicilan (1–12)")
    String plan_instalments();

    @Message("Buat rencana cicilan")
    String plan_open();

    @Message("Cicilan {number}: {amount}, jatuh tempo {due}")
    String plan_next(int number, String amount, String due);

    @Message("Riwayat")
    String history();

    @Message("Lapor kematian (empat mata)")
    String death();

    @Message("Tanggal kematian")
    String death_date();

    @Message("Dokumen yang diterima")
    String death_documents();

    @Message("Nomor dokumen")
    String death_doc_number();

    @Message("Kirim permintaan")
    String death_request();

    @Message("Permintaan {id} menunggu persetujuan supervisor lain.")
    String death_requested(String id);

    @Message("{#when t}{#is 'DEATH_CERTIFICATE'}Akta/surat kematian{#is 'ID_CARD'}KTP{#is 'FAMILY_CARD'}Kartu Keluarga{#is 'JKN_CARD'}Kartu JKN{#is 'EMIGRATION_LETTER'}Surat pindah ke luar negeri{#else}{t}{/when}")
    String document(String t);

    @Message("Perbaikan data")
    String correction();

    @Message("Data")
    String correction_field();

    @Message("Nilai baru")
    String correction_value();

    @Message("Bukti")
    String correction_evidence();

    @Message("Simpan perbaikan")
    String correction_save();

    @Message("Perbaikan tersimpan.")
    String correction_done();

    // --- complaint ---
    @Message("Pengaduan")
    String complaint();

    @Message("Kategori SOP")
    String complaint_category();

    @Message("Dokumen wajib")
    String complaint_required();

    @Message("Uraian")
    String complaint_description();

    @Message("Catat pengaduan")
    String complaint_register();

    @Message("Pengaduan {reference} tercatat. Dokumen kurang: {missing}")
    String complaint_done(String reference, String missing);

    @Message("Pengaduan {reference} tercatat, dokumen lengkap.")
    String complaint_done_complete(String reference);

    @Message("Respons pertama {min} menit, selesai {days} hari kerja")
    String complaint_sla(int min, int days);

    // --- supervisor ---
    @Message("Lantai cabang")
    String sup_title();

    @Message("Diperbarui langsung")
    String sup_live();

    @Message("Loket")
    String sup_counters();

    @Message("Status")
    String col_state();

    @Message("Petugas")
    String col_staff();

    @Message("Tiket")
    String col_ticket();

    @Message("Sejak")
    String col_since();

    @Message("Dilayani hari ini")
    String col_served();

    @Message("p90 hari ini")
    String col_p90();

    @Message("Peringatan")
    String sup_alerts();

    @Message("{#when kind}{#is 'CALLED_NOT_STARTED'}{counter}: {ticket} dipanggil {min} mnt lalu, belum mulai dilayani{#is 'IDLE_WHILE_WAITING'}{counter}: buka tanpa tiket {min} mnt sementara ada yang menunggu{#is 'LONG_SERVICE'}{counter}: layanan {ticket} sudah {min} mnt, jauh lebih lama dari biasanya{#else}{counter}: {kind}{/when}")
    String alert(String kind, String counter, String ticket, Long min);

    @Message("{#when s}{#is 'CLOSED'}tutup{#is 'IDLE'}buka, tanpa tiket{#is 'CALLED'}memanggil{#is 'SERVING'}melayani{#else}{s}{/when}")
    String counter_state(String s);

    @Message("Loket buka")
    String col_counters_open();

    @Message("{n} jawaban")
    String sup_answers(long n);

    @Message("Tindak lanjut kepuasan rendah")
    String sup_low_followups();

    @Message("minta dihubungi")
    String sup_contact_requested();

    @Message("{overdue} lewat batas · {soon} segera jatuh tempo")
    String sup_attention_counts(long overdue, long soon);

    @Message("segera jatuh tempo")
    String sup_due_soon();

    @Message("{#when d}{#is 'FIRST_RESPONSE'}respons pertama{#is 'RESOLUTION'}penyelesaian{#else}{d}{/when}")
    String deadline(String d);

    @Message("Tidak ada peringatan.")
    String sup_no_alerts();

    @Message("Permintaan menunggu persetujuan")
    String sup_requests();

    @Message("Tidak ada permintaan.")
    String sup_no_requests();

    @Message("Setujui")
    String sup_approve();

    @Message("Tolak")
    String sup_reject();

    @Message("Alasan penolakan")
    String sup_reject_reason();

    @Message("Permintaan Anda sendiri: supervisor lain yang memutuskan.")
    String sup_own_request();

    @Message("{#when k}{#is 'DEACTIVATION'}Penonaktifan (meninggal){#is 'REVERSAL'}Pembatalan penonaktifan{#else}{k}{/when}")
    String request_kind(String k);

    @Message("diminta oleh {by}")
    String sup_requested_by(String by);

    @Message("Pengaduan lewat atau dekat batas SLA")
    String sup_complaints();

    @Message("Tidak ada pengaduan yang lewat batas.")
    String sup_no_complaints();

    @Message("lewat batas")
    String sup_overdue();

    @Message("Kepuasan hari ini (CSAT)")
    String sup_csat();

    @Message("Akhir hari")
    String sup_end_of_day();

    @Message("Jalankan akhir hari")
    String sup_end_of_day_run();

    @Message("Yakin menjalankan akhir hari? Tiket yang masih menunggu diproses menurut kebijakan cabang.")
    String sup_end_of_day_confirm();

    @Message("Akhir hari selesai.")
    String sup_end_of_day_done();

    @Message("Disetujui.")
    String sup_approved();

    @Message("Ditolak.")
    String sup_rejected();

    @Message("belum tersedia dari queue-service")
    String not_yet();
}
