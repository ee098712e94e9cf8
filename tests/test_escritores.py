"""Pruebas de los escritores del informe (texto, JSON, CSV, XLSX, HTML), del formato es_CO y
de la escritura atómica. Cada formato se vuelve a leer y se revisan sus cifras."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest

from sena_relacionamiento import formato
from sena_relacionamiento.datos import DatosSeguimiento
from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo
from sena_relacionamiento.errores import DatoInvalido, DependenciaFaltante
from sena_relacionamiento.indicadores.resultado import Estado, Indicador, Semaforo
from sena_relacionamiento.informe import Informe, informe
from sena_relacionamiento.io import (
    COLUMNAS,
    FORMATOS,
    datos_json,
    escribir,
    escribir_atomico,
    generar,
    grafico_cv,
    grafico_ec,
    informe_csv,
    informe_html,
    informe_json,
    informe_texto,
    informe_xlsx,
    neutralizar,
    pagina_html,
    tablero_html,
)
from sena_relacionamiento.io.escritores import _celda_csv
from sena_relacionamiento.parametros import PARAMETROS_2012
from sena_relacionamiento.periodos import Periodo
from sena_relacionamiento.regionales import REGIONALES
from sena_relacionamiento.registros import (
    Asignacion,
    Contacto,
    ContratoAprendizaje,
    Evento,
    Gestor,
    Solicitud,
)

MARZO = Periodo(2012, 3)
HIPERVINCULO = '=HYPERLINK("http://malo.example","clic")'
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def ejemplo() -> Informe:
    return informe(datos_de_ejemplo(), MARZO)


@pytest.fixture(scope="module")
def peligroso() -> Informe:
    """Textos de los datos que parecen fórmulas o marcado, en una regional que supera su
    meta de contratos voluntarios (Chocó: meta 2)."""
    gestor = Gestor(id="@gestor", rol="Empresarial", regional="Chocó")
    solicitudes = [
        Solicitud(id=str(n), fecha=date(2012, 3, n), servicio=s, regional="Chocó", gestor="@gestor")
        for n, s in enumerate((HIPERVINCULO, SCRIPT, "+57 300", HIPERVINCULO), start=1)
    ]
    contratos = [
        ContratoAprendizaje(
            nit="800100200", regional="Chocó", fecha=date(2012, 3, 1), obligada=False
        )
        for _ in range(3)
    ]
    datos = DatosSeguimiento(
        gestores=[gestor],
        asignaciones=[Asignacion(gestor="@gestor", nit="900123456")],
        contactos=[
            Contacto(
                gestor="@gestor",
                nit="900123456",
                fecha=date(2012, 3, 2),
                tipo="nuevo",
                medio="visita",
            )
        ],
        solicitudes=solicitudes,
        contratos=contratos,
        eventos=[Evento(regional="Chocó", fecha=date(2012, 3, 3), asistentes=5, razon="-1+2")],
    )
    return informe(datos, MARZO)


@pytest.fixture(scope="module")
def vacio() -> Informe:
    return informe(DatosSeguimiento(gestores=(), asignaciones=()), MARZO)


# --- formato.py ---


def test_cifras_es_co() -> None:
    assert formato.numero(14200) == "14.200"
    assert formato.numero(Decimal("1234.567")) == "1.234,56"
    assert formato.numero(Decimal("1.5"), decimales=0) == "1"
    assert formato.pesos(50_000_000) == "$ 50.000.000"
    assert formato.pesos(Decimal("45750000.5")) == "$ 45.750.000,50"
    assert formato.porcentaje(Decimal("0.9")) == "90,0 %"
    assert formato.porcentaje(Decimal("0.8999")) == "89,9 %"
    assert formato.porcentaje(Decimal("0.0601"), techo=True) == "6,1 %"
    assert formato.fecha(date(2012, 2, 26)) == "26 de febrero de 2012"
    assert formato.etiqueta(Semaforo.AMARILLO) == "Amarillo"
    assert formato.etiqueta(None) == formato.SIN_VALOR


def test_valor_meta_y_detalle_de_resultados(ejemplo: Informe) -> None:
    bog = ejemplo.gestor("bog-02")
    assert formato.valor(bog.ec) == "90,0 % (9 de 10)"
    assert formato.valor(bog.ec, terminos=False) == "90,0 %"
    assert formato.meta(bog.ec) == "90,0 %"
    assert formato.valor(bog.ep) == "1,55 (14 de 9)"
    assert formato.meta(bog.ep) == "2,00"
    assert formato.valor(bog.eg) == formato.SIN_VALOR
    nacion = ejemplo.nacional
    assert formato.valor(nacion.sismeg_formados) == "4.300"
    assert formato.meta(nacion.sismeg_formados) == "20.000"
    assert formato.meta(nacion.em) == "máx. 6,0 %"
    assert formato.valor(nacion.em) == "7,7 % (1 de 13)"
    assert formato.meta(nacion.af) == formato.SIN_VALOR
    assert formato.detalle(nacion.af) == (
        "valor: $ 295.750.000,50; en el año: 4 por $ 375.750.000,50"
    )
    assert formato.detalle(nacion.em) == "tope publicado: 1.529 empresas"
    assert formato.detalle(ejemplo.regional("Huila").em) == "tope publicado: 1 empresa"
    assert formato.detalle(nacion.pe) == "asistentes: 1.255"
    assert formato.detalle(nacion.cv) == "en el mes: 18; dentro de cuota: 6"
    assert formato.detalle(nacion.ec).startswith("fuera de cartera: 2; con menos de 3")
    assert formato.detalle(nacion.ep) == "empresas con 2 servicios: 53"
    assert formato.detalle(nacion.eg).startswith("más solicitados: Contrato de aprendizaje (7)")
    assert formato.detalle(nacion.sismeg_formados) == ""
    # Sin nada que decir: sin detalle.
    gua = ejemplo.gestor("gua-01")
    assert [formato.detalle(r) for r in (gua.af, gua.eg, gua.em, gua.pe)] == ["", "", "", ""]


def test_detalle_vacio_sin_contactadas(vacio: Informe) -> None:
    assert formato.detalle(vacio.nacional.ep) == ""
    assert formato.detalle(vacio.nacional.ec) == ""
    assert formato.detalle(vacio.regional("Cesar").em) == "tope publicado: 1 empresa"


def test_titulos_y_con_datos(ejemplo: Informe) -> None:
    assert formato.titulo(ejemplo.nacional) == "Nacional: Colombia"
    assert formato.titulo(ejemplo.rol("ESTRATEGICO")) == "Rol: Estratégico"
    assert formato.titulo(ejemplo.gestor("bog-01")) == "Gestor: bog-01"
    cesar = ejemplo.regional("Cesar")
    assert formato.titulo(cesar) == "Regional: Cesar (20)"
    assert formato.titulo(cesar, PARAMETROS_2012) == (
        "Regional: Cesar (20), segmento mediana (inferido)"
    )
    assert formato.titulo(ejemplo.regional("Huila"), PARAMETROS_2012).endswith("mediana")
    assert formato.con_datos(cesar)
    assert not formato.con_datos(ejemplo.regional("Vaupés"))


def test_porcentuales() -> None:
    assert {i for i in Indicador if formato.es_porcentual(i)} == {
        Indicador.EC,
        Indicador.EG,
        Indicador.EM,
    }


# --- El juego de ejemplo muestra todo ---


def test_el_ejemplo_de_marzo_muestra_todos_los_estados_y_colores(ejemplo: Informe) -> None:
    filas = ejemplo.filas()
    assert {f["estado"] for f in filas} == {e.name for e in Estado}
    assert {f["semaforo"] for f in filas} - {None} == {s.name for s in Semaforo}
    motivos = {e.motivo for e in ejemplo.excluidos}
    assert "gestor desconocido" in motivos
    assert "posterior al corte del periodo" in motivos
    assert len(ejemplo.excluidos) >= 5


# --- Texto ---


def test_texto(ejemplo: Informe) -> None:
    texto = informe_texto(ejemplo)
    lineas = texto.splitlines()
    assert lineas[0] == "Informe de la Circular 109 de 2012 — marzo de 2012 (2012-03)"
    assert lineas[1] == "Del 26 de febrero de 2012 al 25 de marzo de 2012 (corte día 25)"
    for encabezado in (
        "Nacional: Colombia",
        "Rol: Estratégico",
        "Rol: Empresarial",
        "Regional: Distrito Capital (11), segmento grande",
        "Regional: Cesar (20), segmento mediana (inferido)",
        "Regional: Guainía (94), segmento pequeña",
        "Gestor: bog-01",
        "Gestor: hui-02",
    ):
        assert encabezado in lineas
    assert "Regional: Vaupés (97)" not in texto
    assert "Regionales sin datos en el periodo (no se muestran): 28" in lineas
    nacion = next(line for line in lineas if line.startswith("SISMEG: colombianos formados"))
    assert nacion.split()[3:7] == ["4.300", "20.000", "En", "curso"]
    assert "$ 250.000.000" in texto
    assert "Registros excluidos: 13" in lineas
    assert "  gestor desconocido: 2" in lineas


def test_texto_sin_excluidos(vacio: Informe) -> None:
    texto = informe_texto(vacio)
    assert texto.rstrip().endswith("Registros excluidos: ninguno")
    assert "Regionales sin datos en el periodo (no se muestran): 33" in texto


# --- JSON ---


def _recorrer(valor: Any) -> Iterator[Any]:
    yield valor
    if isinstance(valor, dict):
        for v in valor.values():
            yield from _recorrer(v)
    elif isinstance(valor, list):
        for v in valor:
            yield from _recorrer(v)


def test_json_esquema_2(ejemplo: Informe) -> None:
    datos = json.loads(informe_json(ejemplo))
    assert datos == datos_json(ejemplo)
    assert list(datos) == [
        "esquema", "periodo", "inicio", "fin", "dia_corte", "parametros", "resultados",
        "excluidos", "gestores",
    ]  # fmt: skip
    assert (datos["esquema"], datos["periodo"], datos["inicio"], datos["fin"]) == (
        2,
        "2012-03",
        "2012-02-26",
        "2012-03-25",
    )
    assert datos["dia_corte"] == 25
    assert not any(isinstance(v, float) for v in _recorrer(datos))
    p = datos["parametros"]
    assert p["meta_ec"] == "0.90"
    assert p["tope_em"] == "0.06"
    assert sum(p["metas_cv"].values()) == 14200
    assert sum(p["topes_em"].values()) == 1529
    assert p["segmentos"]["20"] == "MEDIANA"
    assert list(p["segmentos"])[:3] == ["05", "08", "11"]
    assert p["segmentos_inferidos"] == ["20"]
    assert p["techos_tipo_b"] == {"GRANDE": 500000000, "MEDIANA": 300000000, "PEQUENA": 300000000}
    assert p["reparto_sismeg"] == {"EMPRESARIAL": "0.40", "ESTRATEGICO": "0.60"}
    assert len(datos["resultados"]) == len(ejemplo.filas())
    assert all(list(f) == list(COLUMNAS) for f in datos["resultados"])
    ec = next(
        f for f in datos["resultados"] if f["ambito"] == "nacional" and f["indicador"] == "EC"
    )
    assert Decimal(ec["valor"]) == ejemplo.nacional.ec.valor
    assert (ec["numerador"], ec["denominador"], ec["estado"], ec["semaforo"]) == (
        65,
        76,
        "NO_CUMPLE",
        "VERDE",
    )
    assert ec["inicio"] == "2011-12-26"
    eg = next(f for f in datos["resultados"] if f["clave"] == "gua-01" and f["indicador"] == "EG")
    assert (eg["valor"], eg["semaforo"], eg["estado"]) == (None, None, "SIN_DATOS")
    assert datos["excluidos"]["gestor desconocido"] == 2
    assert sum(datos["excluidos"].values()) == len(ejemplo.excluidos)
    assert all(n > 0 for n in datos["excluidos"].values())


# --- CSV ---


def test_csv_se_relee_con_el_modulo_csv(ejemplo: Informe) -> None:
    filas = list(csv.DictReader(io.StringIO(informe_csv(ejemplo))))
    originales = ejemplo.filas()
    assert len(filas) == len(originales)
    assert tuple(filas[0]) == COLUMNAS
    for leida, original in zip(filas, originales, strict=True):
        assert leida["clave"] == original["clave"]
        assert leida["indicador"] == original["indicador"]
        assert leida["inicio"] == original["inicio"].isoformat()
        valor = original["valor"]
        assert leida["valor"] == ("" if valor is None else str(valor))
        assert leida["semaforo"] == (original["semaforo"] or "")
    cv = next(
        f
        for f in filas
        if f["ambito"] == "regional" and f["clave"] == "20" and f["indicador"] == "CV"
    )
    assert (cv["valor"], cv["meta"], cv["estado"], cv["semaforo"]) == (
        "15",
        "70",
        "EN_CURSO",
        "AMARILLO",
    )


def test_csv_neutraliza_formulas_pero_no_numeros(peligroso: Informe) -> None:
    filas = list(csv.DictReader(io.StringIO(informe_csv(peligroso))))
    claves = {f["clave"] for f in filas if f["ambito"] == "gestor"}
    assert claves == {"'@gestor"}
    assert neutralizar(HIPERVINCULO) == "'" + HIPERVINCULO
    for texto in ("+1", "-1", "@x", "\tx", "\rx"):
        assert neutralizar(texto) == "'" + texto
    assert neutralizar("Huila") == "Huila"
    assert neutralizar(-5) == -5
    assert _celda_csv(Decimal("-1.5")) == "-1.5"
    assert _celda_csv(-3) == -3
    assert _celda_csv(None) == ""


# --- XLSX ---


def _libro(inf: Informe) -> Any:
    return openpyxl.load_workbook(io.BytesIO(informe_xlsx(inf)))


def test_xlsx_una_hoja_por_ambito_con_numeros(ejemplo: Informe) -> None:
    libro = _libro(ejemplo)
    assert libro.sheetnames == [
        "Portada", "Nacional", "Roles", "Regionales", "Gestores", "Detalle", "Excluidos",
        "Registros excluidos",
    ]  # fmt: skip
    hoja = libro["Nacional"]
    encabezado = [c.value for c in hoja[1]]
    assert encabezado[:4] == ["Clave", "Nombre", "Indicador", "Descripción"]
    filas = {fila[2].value: fila for fila in hoja.iter_rows(min_row=2)}
    assert set(filas) == {formato.sigla(i) for i in Indicador}
    ec = filas["EC"]
    assert ec[6].value == pytest.approx(0.855)  # 85,52… % recortado a lo que se muestra (R32)
    assert ec[6].number_format == formato.formato_excel(Indicador.EC)
    assert ec[12].value == pytest.approx(0.95)  # el avance del semáforo (R31)
    assert ec[7].value == pytest.approx(0.9)
    assert ec[4].value.date() == date(2011, 12, 26)
    assert (ec[8].value, ec[9].value, ec[10].value, ec[11].value) == (65, 76, "No cumple", "Verde")
    assert ec[11].fill.fgColor.rgb.endswith("C6EFCE")
    sismeg = filas["SISMEG formados"]
    assert (sismeg[6].value, sismeg[7].value, sismeg[6].number_format) == (4300, 20000, "#,##0")
    assert filas["EP"][6].number_format == "#,##0.00"
    assert filas["AF"][7].value is None
    assert libro["Regionales"].max_row == 1 + 33 * len(Indicador)
    assert libro["Gestores"].max_row == 1 + 12 * len(Indicador)
    resumen = {f[0].value: f[1].value for f in libro["Excluidos"].iter_rows(min_row=2)}
    assert resumen["gestor desconocido"] == 2
    assert libro["Registros excluidos"].max_row == 1 + len(ejemplo.excluidos)
    detalle = list(libro["Detalle"].iter_rows(min_row=2, values_only=True))
    assert ("Nacional", "CO", "AF", "Valor pesos", None, pytest.approx(295_750_000.5)) in detalle
    assert ("Nacional", "CO", "EC", "Por tipo y medio", "NUEVO × VISITA", 29) in detalle


def test_xlsx_neutraliza_formulas(peligroso: Informe) -> None:
    libro = _libro(peligroso)
    claves = {f[0].value for f in libro["Gestores"].iter_rows(min_row=2)}
    # Issue 12: el texto exacto, como celda de texto con el estilo «prefijo de comilla».
    assert claves == {"@gestor"}
    celdas = [c for fila in libro["Detalle"].iter_rows(min_row=2) for c in fila]
    servicios = [c for c in celdas if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert servicios
    assert all(c.value == HIPERVINCULO and c.data_type == "s" and c.quotePrefix for c in servicios)
    assert not any(c.data_type == "f" for hoja in libro for fila in hoja.iter_rows() for c in fila)
    razones = [c for c in celdas if c.value in ("-1+2", "'-1+2")]
    assert razones
    assert all(c.value == "-1+2" and c.quotePrefix for c in razones)


def test_xlsx_sin_openpyxl(ejemplo: Informe, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(DependenciaFaltante) as error:
        informe_xlsx(ejemplo)
    assert (error.value.paquete, error.value.extra) == ("openpyxl", "excel")


def test_xlsx_quita_caracteres_de_control(vacio: Informe) -> None:
    gestor = Gestor(id="g\x01", rol="Empresarial", regional="Huila")
    inf = informe(DatosSeguimiento(gestores=[gestor], asignaciones=()), MARZO)
    claves = {f[0].value for f in _libro(inf)["Gestores"].iter_rows(min_row=2)}
    assert claves == {"g\ufffd"}


# --- HTML ---


class _Lector(HTMLParser):
    """Junta las etiquetas y el texto de una página."""

    def __init__(self) -> None:
        super().__init__()
        self.etiquetas: list[str] = []
        self.atributos: list[tuple[str, str | None]] = []
        self.textos: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.etiquetas.append(tag)
        self.atributos += attrs

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.textos.append(data.strip())


def _leer_html(texto: str) -> _Lector:
    lector = _Lector()
    lector.feed(texto)
    lector.close()
    return lector


def test_pagina_html_autocontenida(ejemplo: Informe) -> None:
    pagina = pagina_html(ejemplo)
    assert pagina.startswith("<!DOCTYPE html>")
    lector = _leer_html(pagina)
    assert lector.etiquetas.count("svg") == 2
    assert "style" in lector.etiquetas
    assert not {"script", "link", "img", "iframe"} & set(lector.etiquetas)
    externos = [
        v for k, v in lector.atributos if k in ("src", "href") and v and not v.startswith("#")
    ]
    assert externos == []
    textos = lector.textos
    assert "Nacional: Colombia" in textos
    assert "4.300" in textos  # SISMEG formados de la nación
    assert "85,5 % (65 de 76)" in textos  # EC de la nación
    assert "Regional: Cesar (20), segmento mediana (inferido)" in textos
    assert "15 de 70 (21,4 %)" in textos  # barra CV de Cesar
    assert "88,8 % (8 de 9)" in textos  # barra EC de Cesar
    assert "Gestor: bog-01" in textos  # la matriz de gestores
    assert "gestor desconocido" in textos
    clases = {v for k, v in lector.atributos if k == "class"}
    assert {"tarjeta verde", "tarjeta amarillo", "tarjeta rojo", "tarjeta neutro"} <= clases


def test_html_escapa_el_marcado(peligroso: Informe) -> None:
    for html in (pagina_html(peligroso), informe_html(peligroso)):
        assert SCRIPT not in html
        assert "script" not in _leer_html(html).etiquetas
    pagina = pagina_html(peligroso)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pagina
    # Chocó supera su meta (3 de 2): la escala del gráfico pasa de 100 %.
    assert "3 de 2 (150,0 %)" in _leer_html(grafico_cv(peligroso)).textos


def test_todas_las_regionales_con_datos() -> None:
    eventos = [
        Evento(regional=r, fecha=date(2012, 3, 1), asistentes=1, razon="Feria") for r in REGIONALES
    ]
    inf = informe(DatosSeguimiento(gestores=(), asignaciones=(), eventos=eventos), MARZO)
    assert "sin datos en el periodo" not in informe_texto(inf)
    pagina = pagina_html(inf)
    assert "sin datos en el periodo" not in pagina
    assert pagina.count("<h3>Regional: ") == 33


def test_html_sin_datos(vacio: Informe) -> None:
    pagina = pagina_html(vacio)
    assert "Ningún registro excluido." in pagina
    assert "No hay gestores en los datos." in pagina
    assert grafico_cv(vacio) == "<p>Ninguna regional tiene datos en el periodo.</p>"
    assert grafico_ec(vacio) == "<p>Ninguna regional tiene empresas asignadas.</p>"
    assert "Regionales sin datos en el periodo (no se muestran): 33." in pagina


def test_tablas_para_cuadernos(ejemplo: Informe) -> None:
    tabla = _leer_html(informe_html(ejemplo))
    assert tabla.etiquetas[:3] == ["div", "p", "strong"]
    assert "details" in tabla.etiquetas  # las regionales, plegadas
    assert "Regionales con datos: 5 de 33" in tabla.textos
    assert "Nacional: Colombia" in tabla.textos  # el tablero nacional
    assert "Regional: Guainía (94)" in tabla.textos
    assert "Regional: Vaupés (97)" not in tabla.textos
    assert "85,5 % (65 de 76)" in tabla.textos
    assert "81,8 %" in tabla.textos  # EC de Huila en la matriz plegada
    t = _leer_html(tablero_html(ejemplo.gestor("bog-03")))
    assert t.etiquetas[0] == "table"
    assert "75,0 % (6 de 8)" in t.textos
    assert "Amarillo" in t.textos
    assert "26/12/2011 a 25/03/2012" in t.textos


# --- Despacho y escritura atómica ---


def test_generar_cada_formato(vacio: Informe) -> None:
    for nombre in FORMATOS:
        contenido = generar(vacio, nombre)
        assert isinstance(contenido, bytes if nombre == "xlsx" else str)
    with pytest.raises(DatoInvalido, match="no es un formato de salida"):
        generar(vacio, "pdf")


def test_escribir_y_reemplazar(ejemplo: Informe, tmp_path: Path) -> None:
    destino = tmp_path / "informe.json"
    escribir(ejemplo, "json", destino)
    assert json.loads(destino.read_text(encoding="utf-8"))["periodo"] == "2012-03"
    assert destino.stat().st_mode & 0o777 == 0o644
    destino.chmod(0o600)
    escribir_atomico(destino, b"nuevo")
    assert destino.read_bytes() == b"nuevo"
    assert destino.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["informe.json"]


@pytest.mark.parametrize("falla", ["replace", "fsync"])
def test_un_fallo_no_deja_archivo_a_medias(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, falla: str
) -> None:
    destino = tmp_path / "informe.csv"
    destino.write_text("anterior", encoding="utf-8")

    def fallar(*args: object) -> None:
        raise OSError(28, "No queda espacio en el disco")

    monkeypatch.setattr(os, falla, fallar)
    with pytest.raises(OSError, match="espacio"):
        escribir_atomico(destino, "a,b\n" * 1000)
    monkeypatch.undo()
    assert destino.read_text(encoding="utf-8") == "anterior"
    assert os.listdir(tmp_path) == ["informe.csv"]


def test_una_interrupcion_tampoco(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    destino = tmp_path / "nuevo.html"

    def interrumpir(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrumpir)
    with pytest.raises(KeyboardInterrupt):
        escribir_atomico(destino, "<p>hola</p>")
    assert os.listdir(tmp_path) == []


def test_carpeta_de_destino_inexistente(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        escribir_atomico(tmp_path / "no-existe" / "a.txt", "x")


def test_texto_sin_secuencias_de_escape() -> None:
    gestor = Gestor(id="g\x1b[2J", rol="Empresarial", regional="Huila")
    inf = informe(DatosSeguimiento(gestores=[gestor], asignaciones=()), MARZO)
    texto = informe_texto(inf)
    assert "\x1b" not in texto
    assert "Gestor: g\ufffd[2J" in texto.splitlines()


def test_repr_html_de_informe_y_tablero_en_cuadernos(ejemplo: Informe) -> None:
    """Un `Informe` y un `Tablero` se muestran en Jupyter como la tabla HTML (issue 6)."""
    pagina = ejemplo._repr_html_()
    assert pagina == informe_html(ejemplo)
    assert "<table" in pagina
    assert "Antioquia" in pagina
    huila = ejemplo.regional("Huila")
    assert huila._repr_html_() == tablero_html(huila)
    assert "Huila" in huila._repr_html_()
