"""Libros de Excel para las pruebas (issue 16), armados con openpyxl como los guarda Excel:
celdas tipadas (fechas de Excel, números, valores lógicos) a partir de los CSV de ejemplo."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sena_relacionamiento.datos_ejemplo import carpeta_de_ejemplo
from sena_relacionamiento.io.csv_lector import (
    ARCHIVOS,
    leer_booleano,
    leer_entero,
    leer_fecha,
    leer_pesos,
)

Filas = list[list[Any]]


def tipada(columna: str, texto: str) -> Any:
    """El valor de una celda del CSV como lo guardaría Excel."""
    texto = texto.strip()
    if not texto:
        return None
    if columna in ("fecha", "fecha_gestion"):
        return leer_fecha(texto)
    if columna == "valor":
        pesos = leer_pesos(texto)
        return float(pesos) if isinstance(pesos, Decimal) else pesos
    if columna in ("cantidad", "asistentes", "formados", "empleos", "cuota_regulada"):
        return leer_entero(texto)
    if columna in ("obligada", "monetiza"):
        return leer_booleano(texto)
    if columna == "nit" and texto.isdigit():
        return int(texto)  # un NIT sin puntos ni dígito de verificación: un número
    return texto


def hojas_de_ejemplo() -> dict[str, Filas]:
    """Cada CSV de ejemplo como filas tipadas (encabezado y datos), por nombre de hoja."""
    hojas: dict[str, Filas] = {}
    for archivo in ARCHIVOS:
        entrada = carpeta_de_ejemplo() / archivo
        texto = entrada.read_bytes().decode("utf-8-sig")
        filas = list(csv.reader(io.StringIO(texto), delimiter=";"))
        encabezado = filas[0]
        hojas[archivo.removesuffix(".csv")] = [
            encabezado,
            *([tipada(c, v) for c, v in zip(encabezado, fila, strict=True)] for fila in filas[1:]),
        ]
    return hojas


def libro(hojas: dict[str, Filas], *, titulo: dict[str, Filas] | None = None) -> bytes:
    """Un libro con una hoja por entrada de `hojas` (y, si se da, filas de título encima)."""
    from openpyxl import Workbook  # type: ignore[import-untyped]

    wb = Workbook()
    wb.remove(wb.active)
    for nombre, filas in hojas.items():
        hoja = wb.create_sheet(nombre)
        for fila in (titulo or {}).get(nombre, []):
            hoja.append(fila)
        for fila in filas:
            hoja.append(fila)
            for celda in hoja[hoja.max_row]:
                if isinstance(celda.value, datetime):
                    celda.number_format = "dd/mm/yyyy h:mm"
                elif isinstance(celda.value, date):
                    celda.number_format = "dd/mm/yyyy"
    salida = io.BytesIO()
    wb.save(salida)
    return salida.getvalue()


def escribir(carpeta: Path, archivos: dict[str, bytes | str]) -> Path:
    carpeta.mkdir(parents=True, exist_ok=True)
    for nombre, contenido in archivos.items():
        datos = contenido.encode("utf-8") if isinstance(contenido, str) else contenido
        (carpeta / nombre).write_bytes(datos)
    return carpeta


def carpeta_xlsx(carpeta: Path, tipos: Iterable[str] | None = None) -> Path:
    """La carpeta de ejemplo con cada tipo de `tipos` (todos, si no se da) en su libro
    ``<tipo>.xlsx`` y los demás en su CSV."""
    hojas = hojas_de_ejemplo()
    elegidos = set(hojas if tipos is None else tipos)
    archivos: dict[str, bytes | str] = {}
    for nombre, filas in hojas.items():
        if nombre in elegidos:
            archivos[f"{nombre}.xlsx"] = libro({nombre: filas})
        else:
            archivos[f"{nombre}.csv"] = (carpeta_de_ejemplo() / f"{nombre}.csv").read_bytes()
    return escribir(carpeta, archivos)
