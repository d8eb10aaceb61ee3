package margins.store;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.Json;

/**
 * The atlas as a page that needs nothing but itself and its sprite sheet: plain HTML, CSS and JavaScript (no
 * library, nothing fetched), the points drawn on a canvas, both layouts, kinds shown or hidden, each point's image,
 * kind and path under the pointer.
 */
final class AtlasPage {

  private static final int COLUMNS = 64;

  private AtlasPage() {}

  /** Every point's image at {@link Atlas#SPRITE} pixels, in order, {@link #COLUMNS} to a row. */
  static BufferedImage sprites(List<Atlas.Point> points) {
    int s = Atlas.SPRITE;
    int rows = (points.size() + COLUMNS - 1) / COLUMNS;
    BufferedImage sheet = new BufferedImage(COLUMNS * s, Math.max(1, rows) * s, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    for (int i = 0; i < points.size(); i++) {
      g.drawImage(points.get(i).image(), (i % COLUMNS) * s, (i / COLUMNS) * s, s, s, null);
    }
    g.dispose();
    return sheet;
  }

  static String html(List<Atlas.Point> points, String space, String sprites, boolean umap) {
    StringBuilder data = new StringBuilder("[");
    for (int i = 0; i < points.size(); i++) {
      Atlas.Point p = points.get(i);
      data.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "[%.4f,%.4f,%.4f,%.4f,%s,%s,%s]",
          p.pca()[0], p.pca()[1], p.umap()[0], p.umap()[1], Json.line(p.kind()), Json.line(p.label()),
          Json.line(p.owner())));
    }
    data.append("]");
    Map<String, String> colours = new LinkedHashMap<>(Colours.KINDS);
    colours.put("unmeasured", Colours.OTHER);
    return TEMPLATE.replace("%SPACE%", LineageSvg.escape(space))
        .replace("%SPRITES%", LineageSvg.escape(sprites))
        .replace("%LAYOUT%", umap ? "umap" : "pca")
        .replace("%COLUMNS%", Integer.toString(COLUMNS))
        .replace("%SPRITE%", Integer.toString(Atlas.SPRITE))
        .replace("%COLOURS%", Json.line(colours).replace("</", "<\\/"))
        .replace("%POINTS%", data.toString().replace("</", "<\\/"));
  }

  private static final String TEMPLATE = """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Margins atlas (%SPACE%)</title>
      <style>
      body{margin:0;background:#161616;color:#ddd;font:14px sans-serif}
      header{padding:10px 16px;display:flex;gap:18px;align-items:center;flex-wrap:wrap}
      label{cursor:pointer} .dot{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:4px}
      #map{display:block;margin:0 16px;background:#1e1e1e;cursor:crosshair}
      #tip{position:fixed;pointer-events:none;background:#000c;padding:6px;border-radius:4px;display:none;max-width:420px}
      #tip canvas{image-rendering:pixelated;display:block;margin-bottom:4px}
      </style></head><body>
      <header><b>Margins atlas</b><span>%SPACE% space</span>
      <span><label><input type="radio" name="layout" value="umap">UMAP</label>
      <label><input type="radio" name="layout" value="pca">PCA</label></span><span id="kinds"></span>
      <span id="count"></span></header>
      <canvas id="map" width="1000" height="1000"></canvas><div id="tip"><canvas id="thumb" width="128" height="128"></canvas><div id="text"></div></div>
      <script>
      const P=%POINTS%, C=%COLOURS%, COLS=%COLUMNS%, S=%SPRITE%;
      let layout='%LAYOUT%'; const shown={};
      const map=document.getElementById('map'), g=map.getContext('2d'), sprites=new Image();
      sprites.src='%SPRITES%';
      const kinds=[...new Set(P.map(p=>p[4]))];
      for(const k of kinds){shown[k]=true;const l=document.createElement('label');
        l.innerHTML='<input type="checkbox" checked> <span class="dot" style="background:'+(C[k]||'#999')+'"></span>'+k+' ('+P.filter(p=>p[4]===k).length+')';
        l.firstChild.onchange=e=>{shown[k]=e.target.checked;draw()};document.getElementById('kinds').appendChild(l);}
      for(const r of document.querySelectorAll('input[name=layout]')){r.checked=r.value===layout;
        r.onchange=()=>{layout=r.value;draw()};if(layout==='pca'&&r.value==='umap')r.disabled=true;}
      const at=p=>layout==='umap'?[p[2],p[3]]:[p[0],p[1]], px=v=>20+v*(map.width-40);
      function draw(){g.clearRect(0,0,map.width,map.height);let n=0;
        P.forEach((p,i)=>{if(!shown[p[4]])return;n++;const [x,y]=at(p);g.fillStyle=C[p[4]]||'#999';
          g.beginPath();g.arc(px(x),px(y),p[4]==='archive'?3:4,0,7);g.fill();});
        document.getElementById('count').textContent=n+' shown';}
      map.onmousemove=e=>{const r=map.getBoundingClientRect(),mx=e.clientX-r.left,my=e.clientY-r.top;let best=-1,bd=100;
        P.forEach((p,i)=>{if(!shown[p[4]])return;const [x,y]=at(p),d=(px(x)-mx)**2+(px(y)-my)**2;if(d<bd){bd=d;best=i}});
        const tip=document.getElementById('tip');if(best<0){tip.style.display='none';return}
        const t=document.getElementById('thumb').getContext('2d');t.imageSmoothingEnabled=false;t.clearRect(0,0,128,128);
        t.drawImage(sprites,(best%COLS)*S,Math.floor(best/COLS)*S,S,S,0,0,128,128);
        document.getElementById('text').textContent=P[best][4]+' \\u2014 '+P[best][5];
        tip.style.display='block';tip.style.left=(e.clientX+14)+'px';tip.style.top=(e.clientY+14)+'px';};
      map.onmouseleave=()=>document.getElementById('tip').style.display='none';
      draw();
      </script></body></html>
      """;
}
