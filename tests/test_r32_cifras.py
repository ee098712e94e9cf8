"""R31 y R32: una cifra se lee igual en texto, HTML, XLSX y CSV para Excel, con el avance junto
a cada semáforo y sin códigos internos ni identificadores de reglas (issue 17).

La prueba recorre cada mes del año de ejemplo y cada cifra de cada ámbito: el valor, la meta,
el avance y los términos de las razones. En el XLSX se lee lo que Excel muestra: el formato de
número de la celda aplicado a su valor (`_excel`, que redondea como Excel: la mitad hacia
afuera).
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sena_relacionamiento import Periodo, formato, informe
from sena_relacionamiento.indicadores._base import TipoAmbito
from sena_relacionamiento.indicadores.resultado import Estado, Indicador, Resultado, Semaforo
from sena_relacionamiento.informe import Informe
from sena_relacionamiento.io import datos_de_ejemplo
from sena_relacionamiento.io.escritores import (
    informe_csv_excel,
    informe_texto,
    informe_xlsx,
)
from sena_relacionamiento.io.pagina_html import pagina_html

openpyxl = pytest.importorskip("openpyxl")

# (tipo de ámbito, clave, sigla) → {"valor", "meta", "avance", "num", "den"}
Cifras = dict[tuple[str, str, str], dict[str, str]]


def _excel(valor: object, formato_numero: str) -> str:
    """Lo que Excel (es) muestra de `valor` con `formato_numero` (los formatos que escribe la
    biblioteca: ``#,##0``, ``#,##0.00``, ``#,##0.0" "%``); «—» en una celda vacía."""
    if valor is None:
        return formato.SIN_VALOR
    assert formato_numero in ("#,##0", "#,##0.00", formato.formato_excel()), formato_numero
    porciento = formato_numero.endswith("%")
    decimales = len(formato_numero.split(".")[1].split('"')[0]) if "." in formato_numero else 0
    x = Decimal(str(valor)) * (100 if porciento else 1)
    x = x.quantize(Decimal(1).scaleb(-decimales), rounding=ROUND_HALF_UP)
    entero, _, fraccion = f"{x:f}".partition(".")
    texto = f"{int(entero):,}".replace(",", ".") + ("," + fraccion if decimales else "")
    return texto + (" %" if porciento else "")


def _sin_tope(texto: str) -> str:
    return texto.removeprefix("máx. ")


def _partir_valor(texto: str) -> tuple[str, str | None, str | None]:
    """«85,5 % (65 de 76)» → ("85,5 %", "65", "76")."""
    coincide = re.fullmatch(r"(.*) \((\S+) de (\S+)\)", texto)
    if coincide:
        return coincide.group(1), coincide.group(2), coincide.group(3)
    return texto, None, None


def _esperadas(inf: Informe) -> Cifras:
    fr = formato.fracciones(inf.periodo, inf.parametros)
    cifras: Cifras = {}
    for t in inf.tableros:
        for r in t.resultados:
            valor, num, den = _partir_valor(formato.valor(r))
            cifras[(t.ambito.name, t.clave, formato.sigla(r.indicador))] = {
                "valor": valor,
                "meta": _sin_tope(formato.meta(r)),
                "avance": formato.cifra_avance(r, fr[r.indicador]),
                **({"num": num, "den": den} if num is not None and den is not None else {}),
            }
    return cifras


def _texto(inf: Informe) -> Cifras:
    """Las cifras del texto, leídas de sus tablas por la posición de cada encabezado."""
    titulos = {formato.titulo(t, inf.parametros): t for t in inf.tableros}
    siglas = {i.etiqueta: formato.sigla(i) for i in Indicador}
    cifras: Cifras = {}
    lineas = informe_texto(inf).splitlines()
    for n, linea in enumerate(lineas):
        if linea not in titulos:
            continue
        t = titulos[linea]
        encabezado = lineas[n + 2]
        nombres = ["Indicador", "Valor", "Meta", "Estado", "Semáforo", "Avance", "Detalle"]
        cortes = [encabezado.index(c) for c in nombres]
        for fila in lineas[n + 3 : n + 3 + len(Indicador)]:
            celdas = [fila[a:b].strip() for a, b in zip(cortes, [*cortes[1:], None], strict=True)]
            valor, num, den = _partir_valor(celdas[1])
            cifras[(t.ambito.name, t.clave, siglas[celdas[0]])] = {
                "valor": valor,
                "meta": _sin_tope(celdas[2]),
                "avance": celdas[5],
                **({"num": num, "den": den} if num is not None and den is not None else {}),
            }
    return cifras


_TARJETA = re.compile(
    r'data-indicador="(\w+)">.*?<div class="valor">(.*?)</div>.*?'
    r'class="cifra-meta">(.*?)</span>.*?class="cifra-avance">(.*?)</span>'
)
_FILA_GESTOR = re.compile(r'<tr id="gestor-\d+"><th>(.*?)</th>(.*?)</tr>')
_CELDA = re.compile(r"<td [^>]*>(.*?)(?:<small>avance (.*?)</small>)?</td>")


def _html(inf: Informe) -> Cifras:
    """Las cifras de las tarjetas (nación, roles, regionales) y de las matrices de gestores."""
    pagina = pagina_html(inf)
    anclas = {"nacional": inf.nacional}
    anclas |= {f"rol-{rol.name.lower()}": t for rol, t in inf.roles.items()}
    anclas |= {f"regional-{codigo}": t for codigo, t in inf.regionales.items()}
    cifras: Cifras = {}
    trozos = re.split(r'id="([^"]+)"', pagina)
    for ancla, trozo in zip(trozos[1::2], trozos[2::2], strict=True):
        if ancla not in anclas:
            continue
        t = anclas[ancla]
        for codigo, valor, meta, avance in _TARJETA.findall(trozo.split("<h4>")[0]):
            valor, num, den = _partir_valor(html.unescape(valor))
            sigla = formato.sigla(Indicador[codigo])
            cifras[(t.ambito.name, t.clave, sigla)] = {
                "valor": valor,
                "meta": _sin_tope(html.unescape(meta)),
                "avance": html.unescape(avance),
                **({"num": num, "den": den} if num is not None and den is not None else {}),
            }
    gestores = {formato.titulo(t): t for t in inf.gestores.values()}
    for titulo, celdas in _FILA_GESTOR.findall(pagina):
        t = gestores[html.unescape(titulo)]
        for i, (valor, avance) in zip(Indicador, _CELDA.findall(celdas), strict=True):
            cifras[(t.ambito.name, t.clave, formato.sigla(i))] = {
                "valor": html.unescape(valor),
                "avance": html.unescape(avance) if avance else formato.SIN_VALOR,
            }
    return cifras


_HOJAS = {"Nacional": "NACIONAL", "Roles": "ROL", "Regionales": "REGIONAL", "Gestores": "GESTOR"}


def _xlsx(inf: Informe) -> Cifras:
    """Las cifras del libro como las muestra Excel: el formato de cada celda sobre su valor."""
    libro = openpyxl.load_workbook(io.BytesIO(informe_xlsx(inf)))
    cifras: Cifras = {}
    for hoja, ambito in _HOJAS.items():
        for fila in libro[hoja].iter_rows(min_row=2):
            clave, sigla = fila[0].value, fila[2].value
            assert isinstance(clave, str)
            assert isinstance(sigla, str)
            valor, meta, num, den, avance = (fila[k] for k in (6, 7, 8, 9, 12))
            cifra = {
                "valor": _excel(valor.value, valor.number_format),
                "meta": _excel(meta.value, meta.number_format),
                "avance": _excel(avance.value, avance.number_format),
            }
            if den.value is not None and valor.value is not None:
                cifra["num"] = _excel(num.value, num.number_format)
                cifra["den"] = _excel(den.value, den.number_format)
            cifras[(ambito, clave, sigla)] = cifra
    return cifras


def _csv_excel(inf: Informe) -> Cifras:
    contenido = informe_csv_excel(inf)
    assert contenido.startswith("\ufeff")
    lector = csv.DictReader(io.StringIO(contenido[1:]), delimiter=";")
    ambitos = {a.etiqueta: a.name for a in TipoAmbito}
    cifras: Cifras = {}
    for fila in lector:
        cifra = {
            "valor": fila["Valor"],
            "meta": _sin_tope(fila["Meta"]),
            "avance": fila["Avance"],
        }
        if fila["Denominador"] != formato.SIN_VALOR and fila["Valor"] != formato.SIN_VALOR:
            cifra |= {"num": fila["Numerador"], "den": fila["Denominador"]}
        cifras[(ambitos[fila["Ámbito"]], fila["Clave"], fila["Indicador"])] = cifra
    return cifras


def _meses() -> Iterator[Informe]:
    datos = datos_de_ejemplo()
    for mes in range(1, 13):
        yield informe(datos, Periodo(2012, mes))


@pytest.mark.parametrize("inf", list(_meses()), ids=lambda inf: str(inf.periodo))
def test_r32_la_misma_cifra_se_lee_igual_en_cada_salida_para_personas(inf: Informe) -> None:
    esperadas = _esperadas(inf)
    salidas = {"texto": _texto(inf), "html": _html(inf), "xlsx": _xlsx(inf)}
    salidas["csv-excel"] = _csv_excel(inf)
    # El texto y el HTML muestran las regionales con datos; el XLSX y el CSV, las 33.
    assert salidas["xlsx"].keys() == salidas["csv-excel"].keys() == esperadas.keys()
    assert len(salidas["texto"]) > len(Indicador) * (1 + len(inf.roles) + len(inf.gestores))
    assert len(salidas["html"]) >= len(salidas["texto"])
    for nombre, cifras in salidas.items():
        for llave, cifra in cifras.items():
            esperada = {k: v for k, v in esperadas[llave].items() if k in cifra}
            assert cifra == esperada, (nombre, llave)


def test_r32_el_ejemplo_tiene_cifras_que_redondeadas_alcanzarian_la_meta() -> None:
    """Que la prueba de arriba pueda fallar: en el año de ejemplo hay cifras porcentuales
    cuyo redondeo al medio (el de Excel) difiere del recorte."""
    distintas = 0
    for inf in _meses():
        for t in inf.tableros:
            for r in t.resultados:
                if formato.es_porcentual(r.indicador) and isinstance(r.valor, Decimal):
                    redondeo = _excel(float(r.valor), formato.formato_excel(r.indicador))
                    distintas += redondeo != formato.cifra(r.indicador, r.valor)
    assert distintas > 0


def _resultado(indicador: Indicador, valor: Decimal, meta: Decimal) -> Resultado:
    return Resultado(
        indicador=indicador,
        inicio=date(2012, 3, 25),
        fin=date(2012, 3, 25),
        valor=valor,
        meta=meta,
        numerador=int(valor * 10_000),
        denominador=10_000,
        estado=Estado.NO_CUMPLE,
        semaforo=Semaforo.ROJO,
    )


def test_r32_nunca_se_muestra_una_meta_alcanzada_que_no_lo_esta() -> None:
    assert formato.cifra(Indicador.EC, Decimal("0.8999")) == "89,9 %"
    assert formato.cifra(Indicador.EM, Decimal("0.0601")) == "6,1 %"
    assert formato.cifra(Indicador.EP, Decimal("1.999")) == "1,99"
    # El avance de un techo apenas superado (rojo) no se lee «100,0 %».
    em = _resultado(Indicador.EM, Decimal("0.0601"), Decimal("0.06"))
    assert formato.cifra_avance(em, Fraction(1)) == "100,2 %"
    assert formato.avance_mostrado(em, Fraction(1)) == Decimal("1.002")
    ec = _resultado(Indicador.EC, Decimal("0.8999"), Decimal("0.9"))
    assert formato.cifra_avance(ec, Fraction(1)) == "99,9 %"


@given(
    st.decimals(min_value=0, max_value=2, places=6),
    st.sampled_from([Indicador.EC, Indicador.EG, Indicador.EP, Indicador.EM]),
)
def test_r32_la_celda_del_xlsx_se_muestra_como_el_texto(valor: Decimal, i: Indicador) -> None:
    celda = formato.cifra_mostrada(i, valor)
    assert _excel(float(celda), formato.formato_excel(i)) == formato.cifra(i, valor)


def test_r31_avance_sin_semaforo_o_con_lo_esperado_en_cero() -> None:
    inf = next(_meses())
    fr = formato.fracciones(inf.periodo, inf.parametros)
    assert formato.avance(inf.nacional.af, fr[Indicador.AF]) is None  # sin meta
    assert formato.cifra_avance(inf.nacional.af, fr[Indicador.AF]) == formato.SIN_VALOR
    assert formato.avance_mostrado(inf.nacional.af, fr[Indicador.AF]) is None
    cero = _resultado(Indicador.CV, Decimal(3), Decimal(0))
    assert formato.avance(cero, Fraction(1, 12)) is None  # meta 0: verde sin cifra


@pytest.mark.parametrize("inf", [informe(datos_de_ejemplo(), Periodo(2012, 3))], ids=["2012-03"])
def test_r32_sin_codigos_ni_reglas_en_las_salidas_para_personas(inf: Informe) -> None:
    libro = openpyxl.load_workbook(io.BytesIO(informe_xlsx(inf)))
    textos = [
        informe_texto(inf),
        re.sub(r"<[^>]+>", " ", pagina_html(inf)),
        informe_csv_excel(inf),
        *(
            str(c.value)
            for hoja in libro.worksheets
            if hoja.title != "Registros excluidos"  # los datos de cada registro, tal cual
            for fila in hoja.iter_rows()
            for c in fila
        ),
    ]
    for texto in textos:
        assert "SISMEG_" not in texto
        assert not re.search(r"\(R\d+|R\d+\)|, R\d+", texto), texto[:200]


def test_r31_el_no_cumple_verde_se_explica() -> None:
    inf = informe(datos_de_ejemplo(), Periodo(2012, 3))
    assert (inf.nacional.ec.estado, inf.nacional.ec.semaforo) == (Estado.NO_CUMPLE, Semaforo.VERDE)
    pagina = pagina_html(inf)
    seccion = pagina.split('id="nacional"')[1].split("</section>")[0]
    tarjeta = seccion.split('data-indicador="EC"')[1].split('data-indicador="EP"')[0]
    assert "avance <span" in tarjeta
    assert 'class="porque"' in tarjeta
    assert "no cumple porque el valor no llega a la meta (90,0" in tarjeta
    # Un «Cumple» verde no necesita explicación.
    estrategico = pagina.split('id="rol-estrategico"')[1].split('data-indicador="EP"')[0]
    assert 'class="porque"' not in estrategico.split('data-indicador="EC"')[1]
