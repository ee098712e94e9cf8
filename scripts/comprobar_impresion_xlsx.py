"""Comprueba con LibreOffice cómo se imprimen los libros de Excel del informe y de la serie
(issue 17): cada hoja cabe en una página de ancho, apaisada, con el encabezado repetido.

Uso (con el entorno del proyecto y LibreOffice y poppler instalados:
``apt-get install -y libreoffice-calc poppler-utils``)::

    .venv/bin/python scripts/comprobar_impresion_xlsx.py [CARPETA]

Para cada hoja de cada libro (el informe de marzo de 2012 y la serie de enero a diciembre, con
los datos de ejemplo) escribe un libro con solo esa hoja, lo convierte a PDF con
``soffice --headless --convert-to pdf`` y mira cada página con ``pdfinfo`` y ``pdftotext``:
la página es apaisada y lleva el primer y el último encabezado de la hoja (si la hoja ocupara
dos páginas de ancho, las columnas de la derecha irían en otra página, sin el primero). Como
control, la hoja «Nacional» sin «ajustar al ancho» debe fallar la misma medida. Imprime una
línea por hoja y sale con 1 si alguna no cabe; con 0 si todas caben; con 2 si falta
LibreOffice o poppler. Deja los PDF en CARPETA (por omisión, una temporal).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook  # type: ignore[import-untyped]

from sena_relacionamiento import Periodo, informe, serie
from sena_relacionamiento.io import datos_de_ejemplo
from sena_relacionamiento.io.escritores import informe_xlsx
from sena_relacionamiento.io.serie_graficos import serie_xlsx


def _hoja_sola(libro: bytes, nombre: str, *, ajustar: bool = True) -> bytes:
    wb = load_workbook(io.BytesIO(libro))
    for otra in list(wb.sheetnames):
        if otra != nombre:
            del wb[otra]
    if not ajustar:
        wb[nombre].sheet_properties.pageSetUpPr.fitToPage = False
    salida = io.BytesIO()
    wb.save(salida)
    return salida.getvalue()


def _pdf(xlsx: Path, carpeta: Path, soffice: str) -> Path:
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{carpeta / 'perfil-lo'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(carpeta),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return xlsx.with_suffix(".pdf")


def _paginas(pdf: Path) -> list[tuple[float, float, str]]:
    """(ancho, alto, texto) de cada página."""
    info = subprocess.run(
        ["pdfinfo", "-l", "9999", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    tamanos = [
        (float(a), float(b)) for a, b in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    ]
    paginas = []
    for n, (ancho, alto) in enumerate(tamanos, start=1):
        texto = subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        paginas.append((ancho, alto, texto))
    return paginas


def _medir(
    libro: bytes, nombre: str, carpeta: Path, soffice: str, *, ajustar: bool = True
) -> tuple[bool, str]:
    wb = load_workbook(io.BytesIO(libro), read_only=True)
    fila = next(wb[nombre].iter_rows(min_row=1, max_row=1, values_only=True))
    encabezados = [str(v) for v in fila if v is not None]
    primero, ultimo = encabezados[0], encabezados[-1]
    sufijo = "" if ajustar else "-sin-ajuste"
    xlsx = carpeta / (re.sub(r"\W+", "_", nombre) + sufijo + ".xlsx")
    xlsx.write_bytes(_hoja_sola(libro, nombre, ajustar=ajustar))
    paginas = _paginas(_pdf(xlsx, carpeta, soffice))
    apaisadas = all(ancho > alto for ancho, alto, _ in paginas)
    if nombre == "Portada":
        completas = sum(1 for *_, texto in paginas if primero.split(" —")[0] in texto)
        cabe = len(paginas) == 1 and apaisadas
    else:
        completas = sum(1 for *_, t in paginas if primero in t and ultimo in t)
        cabe = apaisadas and completas == len(paginas)
    detalle = (
        f"{len(paginas)} página(s), apaisadas: {'sí' if apaisadas else 'no'}, con "
        f"«{primero}» y «{ultimo}»: {completas}"
    )
    return cabe, detalle


def main() -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        print("falta LibreOffice (soffice) o poppler (pdfinfo, pdftotext)", file=sys.stderr)
        return 2
    carpeta = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    carpeta.mkdir(parents=True, exist_ok=True)
    datos = datos_de_ejemplo()
    libros = {
        "informe 2012-03": informe_xlsx(informe(datos, Periodo(2012, 3))),
        "serie 2012-01 a 2012-12": serie_xlsx(serie(datos, Periodo(2012, 1), Periodo(2012, 12))),
    }
    todas = True
    for titulo, libro in libros.items():
        print(f"== {titulo}")
        for nombre in load_workbook(io.BytesIO(libro), read_only=True).sheetnames:
            cabe, detalle = _medir(libro, nombre, carpeta, soffice)
            todas &= cabe
            print(f"{'cabe   ' if cabe else 'NO CABE'}  {nombre}: {detalle}")
    # Control: sin «ajustar al ancho», la hoja Nacional no cabe y la medida lo ve.
    cabe, detalle = _medir(libros["informe 2012-03"], "Nacional", carpeta, soffice, ajustar=False)
    print(
        f"control sin ajustar al ancho, Nacional: {detalle} -> "
        f"{'la medida lo ve' if not cabe else 'LA MEDIDA NO LO VE'}"
    )
    print(f"PDF en {carpeta}")
    return 0 if todas and not cabe else 1


if __name__ == "__main__":
    sys.exit(main())
