"""Pruebas del lector de la carpeta de CSV (io/csv_lector.py) y del juego de ejemplo.

El corpus de entradas rotas (``tests/corpus_roto/``) tiene una carpeta por tipo de defecto;
cada una debe dar un error que nombre el archivo, la línea, la columna y el valor.
"""

from __future__ import annotations

import zipfile
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from sena_relacionamiento.datos_ejemplo import carpeta_de_ejemplo, datos_de_ejemplo
from sena_relacionamiento.errores import DatoInvalido, ErrorSena, RegistroInconsistente
from sena_relacionamiento.io import (
    ARCHIVOS,
    columnas,
    leer_booleano,
    leer_carpeta,
    leer_csv,
    leer_entero,
    leer_fecha,
    leer_pesos,
)
from sena_relacionamiento.io.csv_lector import _LECTORES
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
        "archivo_vacio", "fila_cortada", "latin1", "fecha_mala", "monto_malo", "enum_malo",
        "regional_desconocida", "nit_digito_malo",
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


@pytest.mark.parametrize("contenido", [b"", b"\xef\xbb\xbf", b"\n\nid;rol;regional\n", b" ; \n"])
def test_sin_encabezado_es_un_archivo_vacio(contenido: bytes) -> None:
    with pytest.raises(DatoInvalido, match="vacío") as error:
        leer_csv(contenido, "gestores.csv")
    assert error.value.origen == "gestores.csv, línea 1"


def test_las_lineas_cuentan_los_saltos_dentro_de_comillas() -> None:
    contenido = 'regional;fecha;asistentes;razon\nHuila;01/03/2012;10;"dos\nlíneas"\nHuila;x;1;r\n'
    with pytest.raises(DatoInvalido) as error:
        leer_csv(contenido.encode(), "eventos.csv")
    assert error.value.origen == "eventos.csv, línea 4"


def test_latin1_al_final_sin_salto_de_linea() -> None:
    with pytest.raises(DatoInvalido, match="UTF-8") as error:
        leer_csv("id;rol;regional\ng1;Empresarial;Guainía".encode("latin-1"), "gestores.csv")
    assert error.value.origen == "gestores.csv, línea 2"
    assert error.value.valor == "g1;Empresarial;Guainía"


def test_columna_desconocida_sugiere_la_parecida() -> None:
    with pytest.raises(DatoInvalido, match=r"¿quiso decir fecha_gestion\?"):
        leer_csv(b"id,fecha,servicio,regional,fecha_gestio\n", "solicitudes.csv")


def test_comilla_mal_puesta() -> None:
    with pytest.raises(DatoInvalido, match="mal formado") as error:
        leer_csv(b'id,rol,regional\ng1,"Empresarial"x,Huila\n', "gestores.csv")
    assert error.value.origen == "gestores.csv, línea 2"


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


def test_dos_archivos_del_mismo_tipo(tmp_path: Path) -> None:
    carpeta = _escribir(
        tmp_path / "datos",
        {"gestores.csv": "id;rol;regional\n", "GESTORES.csv": "id;rol;regional\n"},
    )
    with pytest.raises(DatoInvalido, match=r"hay dos archivos para gestores\.csv"):
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
