<<<<<<<< HEAD:internal/web/dist/assets/WhoWhen-BrZS8ct0.js
import{g as t}from"./index-D6Rr1WzG.js";import{O as a,U as n,S as c,D as o}from"./vue-Dfn9EVr0.js";const s={class:"who-when"},l={__name:"WhoWhen",props:{change:{type:Object,default:null}},setup(e){return(r,h)=>(a(),n("span",s,c(e.change?e.change.actor+" · "+o(t)(e.change.time):"—"),1))}};export{l as _};
========
import{g as t}from"./index-B2JMyeNc.js";import{O as a,U as n,S as c,D as o}from"./vue-BwhYkfKI.js";const s={class:"who-when"},l={__name:"WhoWhen",props:{change:{type:Object,default:null}},setup(e){return(r,h)=>(a(),n("span",s,c(e.change?e.change.actor+" · "+o(t)(e.change.time):"—"),1))}};export{l as _};
>>>>>>>> bill15:internal/web/dist/assets/WhoWhen-vq8Gf_YT.js
