/*
 * The floor for `kedja run`: parse a `;`-separated export with libcsv and write every record back with twelve
 * added columns, doing nothing else (no tagging, no amounts, no workbooks). Issue 5 measures Kedja against a
 * program like this one; Benchmarks/run.sh builds it with the system compiler and times it beside kedja.
 * It reads `;` as the delimiter and leaves libcsv's default trimming of spaces on: a floor, not a converter.
 *
 *   cc -O2 -o csv_floor csv_floor.c -lcsv && ./csv_floor LEDGER.csv OUT.csv
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *out;
static int fields_in_record;
static const char added[] = ";45000000;Byggarbete;cpv;SE;medium;high;medium;high;high;1;S1|T1|O1;reason";

static void on_field(void *data, size_t length, void *context) {
    (void) context;
    if (fields_in_record++ > 0) putc_unlocked(';', out);
    const char *text = data;
    if (memchr(text, ';', length) || memchr(text, '"', length) || memchr(text, '\n', length) ||
        memchr(text, '\r', length)) {
        putc_unlocked('"', out);
        for (size_t i = 0; i < length; i++) {
            if (text[i] == '"') putc_unlocked('"', out);
            putc_unlocked(text[i], out);
        }
        putc_unlocked('"', out);
    } else {
        fwrite_unlocked(text, 1, length, out);
    }
}

static void on_record(int terminator, void *context) {
    (void) terminator;
    (void) context;
    if (fields_in_record == 0) return;
    fwrite_unlocked(added, 1, sizeof added - 1, out);
    fwrite_unlocked("\r\n", 1, 2, out);
    fields_in_record = 0;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s INPUT.csv OUTPUT.csv\n", argv[0]);
        return 64;
    }
    FILE *in = fopen(argv[1], "rb");
    out = fopen(argv[2], "wb");
    if (!in || !out) {
        perror("csv_floor");
        return 66;
    }
    static char outbuf[1 << 20];
    setvbuf(out, outbuf, _IOFBF, sizeof outbuf);
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) return 70;
    csv_set_delim(&parser, ';');
    static char chunk[1 << 20];
    size_t count;
    while ((count = fread(chunk, 1, sizeof chunk, in)) > 0) {
        if (csv_parse(&parser, chunk, count, on_field, on_record, NULL) != count) {
            fprintf(stderr, "csv_floor: %s\n", csv_strerror(csv_error(&parser)));
            return 65;
        }
    }
    if (csv_fini(&parser, on_field, on_record, NULL) != 0) {
        fprintf(stderr, "csv_floor: %s\n", csv_strerror(csv_error(&parser)));
        return 65;
    }
    csv_free(&parser);
    fclose(in);
    return fclose(out) == 0 ? 0 : 74;
}
