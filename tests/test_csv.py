"""Pruebas del lector de la carpeta de CSV (io/csv_lector.py) y del juego de ejemplo.

El corpus de entradas rotas (``tests/corpus_roto/``) tiene una carpeta por tipo de defecto;
cada una debe dar un error que nombre el archivo, la línea, la columna y el valor.
"""

from __future__ import annotations

import codecs
import pickle
import zipfile
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from sena_relacionamiento.datos_ejemplo import carpeta_de_ejemplo, datos_de_ejemplo
from sena_relacionamiento.enumeraciones import Rol
from sena_relacionamiento.errores import DatoInvalido, ErrorSena, RegistroInconsistente
from sena_relacionamiento.io import (
    ARCHIVOS,
    ErroresDeLectura,
    columnas,
    leer_booleano,
    leer_carpeta,
    leer_csv,
    leer_entero,
    leer_fecha,
    leer_pesos,
)
from sena_relacionamiento.io.csv_lector import _LECTORES, codificacion
from sena_relacionamiento.registros import (
    Ambiente,
    Contacto,
    ContratoAprendizaje,
    EmpresaCuota,
    Gestor,
    MedioContacto,
    Solicitud,
    TipoContacto,
)

CORPUS = Path(__file__).parent / "corpus_roto"
CASOS_ROTOS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def _escribir(carpeta: Path, archivos: dict[str, str | bytes]) -> Path:
    carpeta.mkdir(exist_ok=True)
    for nombre, contenido in archivos.items():
        datos = contenido.encode("utf-8") if isinstance(contenido, str) else contenido
        (carpeta / nombre).write_bytes(datos)
    return carpeta


# --- El corpus roto ---


def test_el_corpus_cubre_cada_tipo_de_defecto() -> None:
    esperados = {
        "valor_malo", "columna_faltante", "columna_desconocida", "encabezado_repetido",
        "archivo_vacio", "fila_cortada", "ni_utf8_ni_windows1252", "fecha_mala", "monto_malo",
        "enum_malo", "regional_desconocida", "nit_digito_malo",
    }  # fmt: skip
    assert esperados <= set(CASOS_ROTOS)


@pytest.mark.parametrize("caso", CASOS_ROTOS)
def test_cada_entrada_rota_da_un_error_con_archivo_y_linea(caso: str) -> None:
    carpeta = CORPUS / caso
    partes = (carpeta / "esperado.txt").read_text(encoding="utf-8").splitlines()
    with pytest.raises(ErrorSena) as error:
        leer_carpeta(carpeta)
    for parte in partes:
        assert parte in str(error.value)


def test_los_errores_de_valor_dicen_origen_y_columna() -> None:
    with pytest.raises(DatoInvalido) as error:
        leer_carpeta(CORPUS / "fecha_mala")
    assert error.value.origen == "contactos.csv, línea 2"
    assert error.value.campo == "fecha"
    assert error.value.valor == "32/01/2012"


def test_la_inconsistencia_nombra_las_lineas_de_los_registros() -> None:
    with pytest.raises(RegistroInconsistente) as error:
        leer_carpeta(CORPUS / "asignada_a_dos_gestores")
    assert len(error.value.registros) == 2
    assert "(asignaciones.csv, línea 2; asignaciones.csv, línea 3)" in str(error.value)


# --- Valores de una celda ---


@pytest.mark.parametrize(
    ("texto", "esperado"),
    [
        ("2012-03-25", date(2012, 3, 25)),
        ("25/03/2012", date(2012, 3, 25)),
        ("5/3/2012", date(2012, 3, 5)),
        ("25-03-2012", date(2012, 3, 25)),
        (" 2012-03-25 ", date(2012, 3, 25)),
        ("2012-03-25T22:00", datetime(2012, 3, 25, 22, 0)),
        ("2012-03-25 22:00:15", datetime(2012, 3, 25, 22, 0, 15)),
        ("25/03/2012 22:00", datetime(2012, 3, 25, 22, 0)),
        ("2012-03-26T03:00Z", datetime(2012, 3, 26, 3, 0, tzinfo=UTC)),
        (
            "2012-03-26T03:00+01:30",
            datetime(2012, 3, 26, 3, 0, tzinfo=timezone(timedelta(hours=1, minutes=30))),
        ),
        (
            "2012-03-26 03:00 -0500",
            datetime(2012, 3, 26, 3, 0, tzinfo=timezone(-timedelta(hours=5))),
        ),
    ],
)
def test_leer_fecha_acepta_las_formas_de_las_oficinas(texto: str, esperado: date) -> None:
    leida = leer_fecha(texto)
    assert leida == esperado
    assert type(leida) is type(esperado)


@pytest.mark.parametrize(
    ("texto", "motivo"),
    [
        ("25/03/12", "cuatro cifras"),
        ("marzo 25", "AAAA-MM-DD"),
        ("20120325", "AAAA-MM-DD"),
        ("2012-02-30", "calendario"),
        ("2012-03-25 25:00", "calendario"),
        ("", "AAAA-MM-DD"),
    ],
)
def test_leer_fecha_rechaza_lo_demas(texto: str, motivo: str) -> None:
    with pytest.raises(DatoInvalido, match=motivo):
        leer_fecha(texto)


def test_una_hora_con_zona_se_lleva_a_bogota_r11() -> None:
    contenido = "gestor,nit,fecha,tipo,medio\ng1,900123456,2012-03-26T03:00Z,nuevo,VISITA\n"
    (contacto,) = leer_csv(contenido.encode(), "contactos.csv")
    assert isinstance(contacto, Contacto)
    assert contacto.fecha == date(2012, 3, 25)


def test_leer_pesos_da_int_sin_centavos_y_decimal_con_ellos() -> None:
    assert leer_pesos("100000000") == 100_000_000
    assert type(leer_pesos("$ 100.000.000")) is int
    assert leer_pesos("1.234,5") == Decimal("1234.5")
    with pytest.raises(DatoInvalido, match="quiso decir") as error:
        leer_pesos("2.50")
    assert error.value.campo is None


def test_leer_entero() -> None:
    assert leer_entero("1.200") == 1200
    assert leer_entero("+7") == 7
    for malo in ("1,5", "1.20", "diez", "0.500"):
        with pytest.raises(DatoInvalido, match="número entero"):
            leer_entero(malo)


@pytest.mark.parametrize("texto", ["sí", "SI", "Si", "s", "x", "true", "TRUE", "1", "Verdadero"])
def test_leer_booleano_si(texto: str) -> None:
    assert leer_booleano(texto) is True


@pytest.mark.parametrize("texto", ["no", "NO", "n", "false", "False", "0", "FALSO"])
def test_leer_booleano_no(texto: str) -> None:
    assert leer_booleano(texto) is False


def test_leer_booleano_rechaza_lo_demas() -> None:
    with pytest.raises(DatoInvalido, match="sí o no"):
        leer_booleano("tal vez")


# --- Un archivo ---


def test_cada_campo_de_cada_registro_tiene_columna_y_lector() -> None:
    for _, clase in ARCHIVOS.values():
        obligatorias, opcionales = columnas(clase)
        nombres = {a.name for a in attrs.fields(clase) if a.init}
        assert set(obligatorias) | set(opcionales) == nombres
    # Los lectores especiales nombran campos que existen.
    todos = {c for _, clase in ARCHIVOS.values() for grupo in columnas(clase) for c in grupo}
    assert set(_LECTORES) <= todos


def test_separador_coma_o_punto_y_coma_bom_y_crlf() -> None:
    con_coma = "id,rol,regional\r\ng1,Estratégico,Huila\r\n".encode()
    con_punto_y_coma = "\ufeffid;rol;regional\r\ng1;estrategico;regional HUILA\r\n".encode()
    assert leer_csv(con_coma, "gestores.csv") == leer_csv(con_punto_y_coma, "gestores.csv")
    (gestor,) = leer_csv(con_coma, "gestores.csv")
    assert isinstance(gestor, Gestor)
    assert gestor.regional.codigo == "41"


def test_comillas_con_separador_adentro() -> None:
    contenido = b'gestor,fecha,valor\ng1,2012-03-01,"$ 1.234,50"\n'
    (ambiente,) = leer_csv(contenido, "ambientes.csv")
    assert isinstance(ambiente, Ambiente)
    assert ambiente.valor == Decimal("1234.50")
    assert ambiente.cantidad == 1  # columna opcional ausente: el valor por omisión


def test_encabezado_con_mayusculas_tildes_y_espacios() -> None:
    contenido = (
        "ID; Fecha ;Servicio;Regional;Gestor;NIT;Fecha gestión\n"
        "CRM-1;01/03/2012;Formación;Huila;;;\n"
        "CRM-2;01/03/2012;Formación;Huila;g1;900.123.456-8;02/03/2012\n"
    ).encode()
    primera, segunda = leer_csv(contenido, "solicitudes.csv")
    assert isinstance(primera, Solicitud)
    assert isinstance(segunda, Solicitud)
    assert (primera.gestor, primera.nit, primera.fecha_gestion) == (None, None, None)
    assert (segunda.gestor, segunda.nit, segunda.fecha_gestion) == (
        "g1",
        "900123456",
        date(2012, 3, 2),
    )


def test_filas_vacias_no_son_registros() -> None:
    contenido = b"nit;cuota_regulada;monetiza\n\n;;\n900123456;3;no\n  ;  ;\n"
    (cuota,) = leer_csv(contenido, "cuotas.csv")
    assert isinstance(cuota, EmpresaCuota)
    assert cuota.monetiza is False


def test_solo_encabezado_no_tiene_registros() -> None:
    assert leer_csv(b"nit,regional,fecha,obligada\n", "contratos.csv") == ()


@pytest.mark.parametrize("contenido", [b"", b"\xef\xbb\xbf", b"\n\n", b" ; \n"])
def test_sin_encabezado_es_un_archivo_vacio(contenido: bytes) -> None:
    with pytest.raises(DatoInvalido, match="vacío") as error:
        leer_csv(contenido, "gestores.csv")
    assert error.value.origen == "gestores.csv, línea 1"


def test_lineas_en_blanco_antes_del_encabezado_se_saltan() -> None:
    (gestor,) = leer_csv(b"\n;;\n \nid;rol;regional\ng1;Empresarial;Huila\n", "gestores.csv")
    assert isinstance(gestor, Gestor)
    with pytest.raises(DatoInvalido, match="no es una columna") as error:
        leer_csv(b"\n\nid;rol;regionl\n", "gestores.csv")
    assert error.value.origen == "gestores.csv, línea 3"  # la línea de verdad del encabezado


@pytest.mark.parametrize(
    "contenido",
    [
        b"id\trol\tregional\ng1\tEmpresarial\tHuila\n",
        b"sep=;\r\nid;rol;regional\r\ng1;Empresarial;Huila\r\n",
        b"\xef\xbb\xbfSEP=,\nid,rol,regional\ng1,Empresarial,Huila\n",
        b"sep=\t\nid\trol\tregional\ng1\tEmpresarial\tHuila\n",
        b"\nsep=|\nid|rol|regional\ng1|Empresarial|Huila\n",
    ],
)
def test_tabuladores_y_la_linea_sep_de_excel(contenido: bytes) -> None:
    (gestor,) = leer_csv(contenido, "gestores.csv")
    assert isinstance(gestor, Gestor)
    assert (gestor.id, gestor.regional.codigo) == ("g1", "41")


def test_la_linea_sep_sola_no_es_un_encabezado() -> None:
    with pytest.raises(DatoInvalido, match="solo tiene la línea «sep=» de Excel"):
        leer_csv(b"sep=;\n", "gestores.csv")
    with pytest.raises(DatoInvalido, match="no es una columna") as error:
        leer_csv(b"sep=;\nid;rol;reg\n", "gestores.csv")
    assert error.value.origen == "gestores.csv, línea 2"


@pytest.mark.parametrize(
    ("contenido", "motivo"),
    [
        ("id;rol;regional\ng1;x;Huila\n".encode("utf-16-le"), "UTF-16 sin BOM"),
        ("id;rol;regional\ng1;x;Huila\n".encode("utf-16-be"), "UTF-16 sin BOM"),
        (b"PK\x03\x04\x14\x00\x06\x00", "libro de Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "libro de Excel"),
        (b"id;rol;regional\ng1;\x00;Huila\n", "byte nulo"),
    ],
)
def test_lo_que_no_es_texto_se_nombra(contenido: bytes, motivo: str) -> None:
    with pytest.raises(DatoInvalido, match=motivo) as error:
        leer_csv(contenido, "gestores.csv")
    assert "Latin-1" not in str(error.value)
    assert "\\x00" not in str(error.value)
    if motivo == "byte nulo":
        assert error.value.origen == "gestores.csv, línea 2"


def test_un_archivo_de_un_byte_no_parece_utf16() -> None:
    with pytest.raises(DatoInvalido, match="no es una columna"):
        leer_csv(b"x", "gestores.csv")


@pytest.mark.parametrize(
    ("fila", "campo", "largo"),
    [
        ("g1;" + "x" * 40_000 + ";Huila", "rol", "40.000 caracteres"),
        ("g1;x;" + "y" * 200_000, "regional", "más caracteres"),
    ],
)
def test_una_celda_enorme_dice_su_linea_y_su_columna(fila: str, campo: str, largo: str) -> None:
    with pytest.raises(DatoInvalido, match=f"la celda tiene {largo}") as error:
        leer_csv(f"id;rol;regional\n{fila}\n".encode(), "gestores.csv")
    assert (error.value.origen, error.value.campo) == ("gestores.csv, línea 2", campo)
    assert "32.767" in str(error.value)
    assert "comillas" not in str(error.value)
    assert "field" not in str(error.value)


def test_una_celda_enorme_en_el_encabezado_o_entre_comillas() -> None:
    with pytest.raises(DatoInvalido) as error:
        leer_csv(("a;" + "b" * 200_000 + "\n").encode(), "gestores.csv")
    assert (error.value.origen, error.value.campo) == ("gestores.csv, línea 1", "columna 2")
    comillas = 'id;rol;regional\ng1;"Empre""sarial\n' + "g1;x;Huila\n" * 20_000
    with pytest.raises(DatoInvalido, match="comillas sin cerrar que se tragan") as error:
        leer_csv(comillas.encode(), "gestores.csv")
    assert (error.value.origen, error.value.campo) == ("gestores.csv, línea 2", "rol")
    with pytest.raises(DatoInvalido, match="comillas sin cerrar que se tragan") as error:
        leer_csv(('id;rol;regional\ng1;"' + "x\n" * 20_000 + '";Huila\n').encode(), "gestores.csv")
    assert error.value.campo == "rol"


def test_unas_comillas_sin_cerrar_dicen_la_columna() -> None:
    with pytest.raises(DatoInvalido, match="no se cierran antes del fin del archivo") as error:
        leer_csv(b'id;rol;regional\ng1;Empresarial;"Huila\ng2;x;y\n', "gestores.csv")
    assert (error.value.origen, error.value.campo) == ("gestores.csv, línea 2", "regional")


def test_el_valor_de_un_error_del_registro_es_el_de_la_celda() -> None:
    contenido = "id;fecha;servicio;regional;fecha_gestion\nCRM-1;10/03/2012;F;Huila;9/3/2012\n"
    with pytest.raises(DatoInvalido) as error:
        leer_csv(contenido.encode(), "solicitudes.csv")
    assert error.value.valor == "9/3/2012"
    assert "datetime" not in str(error.value)


def test_un_error_tras_una_celda_opcional_vacia_dice_su_columna() -> None:
    # La fila con un error se vuelve a leer celda por celda (issue 15): las opcionales vacías
    # toman su valor por omisión y el error es el de siempre.
    contenido = (
        "id;fecha;servicio;regional;gestor;nit;fecha_gestion\n"
        "CRM-1;10/03/2012;F;Huila;;;10/03/2012\n"
        "CRM-2;10/03/2012;F;Huila;;;9/3/2012\n"
    )
    with pytest.raises(DatoInvalido) as error:
        leer_csv(contenido.encode(), "solicitudes.csv")
    assert (error.value.origen, error.value.campo, error.value.valor) == (
        "solicitudes.csv, línea 3",
        "fecha_gestion",
        "9/3/2012",
    )


def test_un_entero_de_miles_de_cifras_es_un_dato_invalido() -> None:
    assert leer_entero("9" * 18) == 10**18 - 1
    for malo in ("9" * 19, "9" * 5000, "-1" + ".000" * 2000):
        with pytest.raises(DatoInvalido, match="demasiadas cifras"):
            leer_entero(malo)


def test_las_lineas_cuentan_los_saltos_dentro_de_comillas() -> None:
    contenido = 'regional;fecha;asistentes;razon\nHuila;01/03/2012;10;"dos\nlíneas"\nHuila;x;1;r\n'
    with pytest.raises(DatoInvalido) as error:
        leer_csv(contenido.encode(), "eventos.csv")
    assert error.value.origen == "eventos.csv, línea 4"


@pytest.mark.parametrize(
    ("codificacion_", "nombre"),
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8 con BOM"),
        ("utf-16", "UTF-16 con BOM"),
        ("utf-16-be", "UTF-16 con BOM"),
        ("cp1252", "Windows-1252"),
    ],
)
def test_csv_como_lo_guarda_windows(codificacion_: str, nombre: str) -> None:
    texto = "id;rol;regional\r\ng1;Estratégico;Guainía\r\ng2;Empresarial;Bogotá\r\n"
    contenido = texto.encode(codificacion_)
    if codificacion_ == "utf-16-be":
        contenido = codecs.BOM_UTF16_BE + contenido
    gestores = [g for g in leer_csv(contenido, "gestores.csv") if isinstance(g, Gestor)]
    assert [(g.id, g.rol, g.regional.codigo) for g in gestores] == [
        ("g1", Rol.ESTRATEGICO, "94"),
        ("g2", Rol.EMPRESARIAL, "11"),
    ]
    assert codificacion(contenido) == nombre


def test_primero_utf8_estricto_luego_windows_1252() -> None:
    # «Ã©» es «é» en UTF-8 leído como Windows-1252: se lee como UTF-8, no como dos letras.
    (gestor,) = leer_csv("id;rol;regional\ng1;Estratégico;Huila\n".encode(), "gestores.csv")
    assert isinstance(gestor, Gestor)
    assert gestor.rol is Rol.ESTRATEGICO


def test_ni_utf8_ni_windows_1252_dice_la_linea() -> None:
    contenido = "id;rol;regional\ng1;Empresarial;Guainía".encode("latin-1") + b"\x81"
    with pytest.raises(DatoInvalido, match="ni en Windows-1252") as error:
        leer_csv(contenido, "gestores.csv")
    assert error.value.origen == "gestores.csv, línea 2"
    assert error.value.valor == "g1;Empresarial;Guainía\x81"


def test_utf16_con_bom_roto() -> None:
    with pytest.raises(DatoInvalido, match="empieza como UTF-16"):
        leer_csv(codecs.BOM_UTF16_LE + "id;rol".encode("utf-16-le") + b"\x00\xd8", "gestores.csv")


@pytest.mark.parametrize(
    ("texto", "esperado"),
    [
        ("10/03/2012 0:00", datetime(2012, 3, 10, 0, 0)),
        ("10/03/2012 9:05:30", datetime(2012, 3, 10, 9, 5, 30)),
        ("10/03/2012 10:00 a. m.", datetime(2012, 3, 10, 10, 0)),
        ("10/03/2012 10:00 p. m.", datetime(2012, 3, 10, 22, 0)),
        ("10/03/2012 12:15 a. m.", datetime(2012, 3, 10, 0, 15)),
        ("10/03/2012 12:15 p.m.", datetime(2012, 3, 10, 12, 15)),
        ("10/03/2012 1:00:00\u00a0p.\u00a0m.", datetime(2012, 3, 10, 13, 0)),
        ("2012-03-10 3:00 PM", datetime(2012, 3, 10, 15, 0)),
    ],
)
def test_r11_horas_de_excel_con_una_cifra_y_a_m_p_m(texto: str, esperado: datetime) -> None:
    assert leer_fecha(texto) == esperado


@pytest.mark.parametrize(
    "texto", ["10/03/2012 0:00 a. m.", "10/03/2012 13:00 p. m.", "1/3/2012 24:00"]
)
def test_r11_una_hora_que_no_existe_es_un_error(texto: str) -> None:
    with pytest.raises(DatoInvalido, match="no es una fecha del calendario"):
        leer_fecha(texto)


def test_r11_la_hora_de_excel_se_corta_en_bogota() -> None:
    contenido = "gestor;nit;fecha;tipo;medio\ng1;900123456;25/03/2012 11:59 p. m.;Nuevo;Visita\n"
    (contacto,) = leer_csv(contenido.encode("cp1252"), "contactos.csv")
    assert isinstance(contacto, Contacto)
    assert contacto.fecha == date(2012, 3, 25)


def test_columna_desconocida_sugiere_la_parecida() -> None:
    with pytest.raises(DatoInvalido, match=r"¿quiso decir fecha_gestion\?"):
        leer_csv(b"id,fecha,servicio,regional,fecha_gestio\n", "solicitudes.csv")


def test_comilla_mal_puesta() -> None:
    with pytest.raises(DatoInvalido, match="mal formado") as error:
        leer_csv(b'id,rol,regional\ng1,"Empresarial"x,Huila\n', "gestores.csv")
    assert (error.value.origen, error.value.campo) == ("gestores.csv, línea 2", "rol")
    assert "separador «,»" in str(error.value)


def test_enumeraciones_por_etiqueta_sin_tildes_ni_mayusculas() -> None:
    contenido = "gestor;nit;fecha;tipo;medio\ng1;900123456;1/03/2012;MANTENIMIENTO;telefonico\n"
    (contacto,) = leer_csv(contenido.encode(), "contactos.csv")
    assert isinstance(contacto, Contacto)
    assert contacto.tipo is TipoContacto.MANTENIMIENTO
    assert contacto.medio is MedioContacto.TELEFONICO


def test_booleano_y_cuota_de_un_contrato() -> None:
    contenido = "nit;regional;fecha;obligada;cuota_regulada\n900123456;5;01/03/2012;Sí;1.200\n"
    (contrato,) = leer_csv(contenido.encode(), "contratos.csv")
    assert isinstance(contrato, ContratoAprendizaje)
    assert (contrato.obligada, contrato.cuota_regulada, contrato.regional.nombre) == (
        True,
        1200,
        "Antioquia",
    )


@pytest.mark.parametrize(
    ("archivo", "sugerencia"), [("contacto.csv", True), ("planilla.csv", False)]
)
def test_archivo_de_otro_nombre(archivo: str, sugerencia: bool) -> None:
    with pytest.raises(DatoInvalido, match="no es un archivo de registros") as error:
        leer_csv(b"a,b\n", archivo)
    assert ("¿quiso decir" in str(error.value)) is sugerencia


# --- La carpeta ---


def test_carpeta_que_no_existe(tmp_path: Path) -> None:
    with pytest.raises(DatoInvalido, match="la carpeta no existe"):
        leer_carpeta(tmp_path / "no-existe")


def test_un_archivo_no_es_una_carpeta(tmp_path: Path) -> None:
    archivo = tmp_path / "gestores.csv"
    archivo.write_text("id,rol,regional\n", encoding="utf-8")
    with pytest.raises(DatoInvalido, match="no es una carpeta"):
        leer_carpeta(str(archivo))


def test_nombres_sin_importar_mayusculas_y_otros_archivos_ignorados(tmp_path: Path) -> None:
    carpeta = _escribir(
        tmp_path / "datos",
        {
            "Gestores.CSV": "id;rol;regional\ng1;Empresarial;Huila\n",
            "ASIGNACIONES.csv": "gestor;nit\ng1;900123456\n",
            "notas.txt": "no es un CSV",
        },
    )
    (carpeta / "viejos.csv").mkdir()  # una carpeta, no un archivo: no cuenta
    datos = leer_carpeta(carpeta)
    assert [g.id for g in datos.gestores] == ["g1"]
    assert [a.nit for a in datos.asignaciones] == ["900123456"]
    assert datos.contactos == ()


def test_ocultos_y_de_bloqueo_no_cuentan(tmp_path: Path) -> None:
    carpeta = _escribir(
        tmp_path / "datos",
        {
            "gestores.csv": "id;rol;regional\ng1;Empresarial;Huila\n",
            ".~lock.contactos.csv#": "x",
            "~$contactos.xlsx": "x",
            ".contactos.csv.swp": "x",
        },
    )
    assert [g.id for g in leer_carpeta(carpeta).gestores] == ["g1"]


@pytest.mark.parametrize(
    ("nombre", "motivo"),
    [
        ("contactos.txt", "nombre exacto"),
        ("contactos.csv.txt", "Windows puede esconder"),
        ("Contactos", "nombre exacto"),
        (" contactos.csv", "espacios de más"),
        ("contactos.ods", "solo los libros .xlsx"),
        ("contactos.xls", "solo los libros .xlsx"),
    ],
)
def test_una_entrada_con_nombre_de_registro_que_no_se_lee_es_un_error(
    tmp_path: Path, nombre: str, motivo: str
) -> None:
    carpeta = _escribir(
        tmp_path / "datos", {"gestores.csv": "id;rol;regional\n", nombre: "gestor;nit\n"}
    )
    with pytest.raises(DatoInvalido, match=motivo) as error:
        leer_carpeta(carpeta)
    assert error.value.valor == nombre


def test_una_carpeta_con_nombre_de_registro_dentro_de_un_zip(tmp_path: Path) -> None:
    archivo = tmp_path / "datos.zip"
    with zipfile.ZipFile(archivo, "w") as zf:
        zf.writestr("datos/gestores.csv", "id;rol;regional\n")
        zf.writestr("datos/contactos.csv/viejo.csv", "x")
    with zipfile.ZipFile(archivo) as zf, pytest.raises(DatoInvalido, match="es una carpeta"):
        leer_carpeta(zipfile.Path(zf, "datos/"))


def test_varios_errores_se_reunen_y_se_pueden_copiar(tmp_path: Path) -> None:
    carpeta = _escribir(
        tmp_path / "datos",
        {"gestores.csv": "id;rol\n", "logros.csv": "x\n", "contactos.txt": ""},
    )
    with pytest.raises(ErroresDeLectura) as error:
        leer_carpeta(carpeta)
    assert [e.origen or e.valor for e in error.value.errores] == [
        "contactos.txt",
        "gestores.csv, línea 1",
        "logros.csv, línea 1",
    ]
    assert error.value.completo
    assert str(error.value).splitlines()[0] == "3 errores en la carpeta de datos:"
    copia = pickle.loads(pickle.dumps(error.value))
    assert (str(copia), len(copia.errores)) == (str(error.value), 3)


def test_dos_archivos_del_mismo_tipo(tmp_path: Path) -> None:
    carpeta = _escribir(
        tmp_path / "datos",
        {"gestores.csv": "id;rol;regional\n", "GESTORES.csv": "id;rol;regional\n"},
    )
    with pytest.raises(DatoInvalido, match=r"hay dos archivos para gestores: "):
        leer_carpeta(carpeta)


def test_sin_gestores_ni_asignaciones_es_valido(tmp_path: Path) -> None:
    carpeta = _escribir(tmp_path / "datos", {"eventos.csv": "regional;fecha;asistentes;razon\n"})
    datos = leer_carpeta(carpeta)
    assert (datos.gestores, datos.asignaciones, datos.eventos) == ((), (), ())


def test_un_error_no_carga_nada_a_medias(tmp_path: Path) -> None:
    carpeta = _escribir(
        tmp_path / "datos",
        {
            "gestores.csv": "id;rol;regional\ng1;Empresarial;Huila\n",
            "logros.csv": "gestor;fecha;formados\ng1;01/03/2012;10\ng1;02/03/2012;diez\n",
        },
    )
    with pytest.raises(DatoInvalido, match=r"logros\.csv, línea 3: formados"):
        leer_carpeta(carpeta)


def test_una_carpeta_dentro_de_un_zip(tmp_path: Path) -> None:
    archivo = tmp_path / "datos.zip"
    with zipfile.ZipFile(archivo, "w") as zf:
        zf.writestr("datos/gestores.csv", "id;rol;regional\ng1;Empresarial;Huila\n")
        zf.writestr("datos/asignaciones.csv", "gestor;nit\ng1;900123456\n")
    with zipfile.ZipFile(archivo) as zf:
        datos = leer_carpeta(zipfile.Path(zf, "datos/"))
        assert len(datos.asignaciones) == 1
        with pytest.raises(DatoInvalido, match="no es una carpeta"):
            leer_carpeta(zipfile.Path(zf, "datos/gestores.csv"))


# --- El juego de ejemplo ---


def test_el_juego_de_ejemplo_es_un_recurso_del_paquete() -> None:
    nombres = {e.name for e in carpeta_de_ejemplo().iterdir() if e.name.endswith(".csv")}
    assert nombres == set(ARCHIVOS)
    datos = datos_de_ejemplo()
    assert len(datos.gestores) == 12
    assert {g.rol.name for g in datos.gestores} == {"ESTRATEGICO", "EMPRESARIAL"}
    segmentos = {g.regional.nombre for g in datos.gestores}
    assert segmentos == {"Distrito Capital", "Antioquia", "Huila", "Cesar", "Guainía"}
    fechas = [c.fecha for c in datos.contactos]
    assert min(f for f in fechas if f >= date(2011, 12, 26)) < date(2012, 1, 25)
    assert max(fechas) > date(2012, 3, 25)  # uno posterior al corte, a propósito


@pytest.mark.parametrize(
    ("archivos", "lugares"),
    [
        pytest.param(
            {
                "eventos.csv": (
                    "regional;fecha;asistentes;razon;gestor\nHuila;07/03/2012;5;Feria;g1\n"
                )
            },
            "(eventos.csv, línea 2; gestores.csv, línea 2)",
            id="un registro y el gestor que nombra",
        ),
        pytest.param(
            {"cuotas.csv": "nit;cuota_regulada;monetiza;gestor\n900123456;2;no;g2\n"},
            "(cuotas.csv, línea 2)",
            id="un solo registro",
        ),
    ],
)
def test_la_inconsistencia_nombra_el_lugar_de_cada_registro_involucrado(
    tmp_path: Path, archivos: dict[str, str], lugares: str
) -> None:
    """Cada registro de una contradicción (R23) dice su archivo y su línea, también el gestor
    de `gestores.csv` o cuando la contradicción es de un solo registro."""
    (tmp_path / "gestores.csv").write_text(
        "id;rol;regional\ng1;Empresarial;Antioquia\ng2;Empresarial;Antioquia\n", encoding="utf-8"
    )
    (tmp_path / "asignaciones.csv").write_text("gestor;nit\ng1;900123456\n", encoding="utf-8")
    for nombre, texto in archivos.items():
        (tmp_path / nombre).write_text(texto, encoding="utf-8")
    with pytest.raises(RegistroInconsistente) as error:
        leer_carpeta(tmp_path)
    assert str(error.value).endswith(lugares)
